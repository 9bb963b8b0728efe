/**
 * Parser for QBO's query language:
 *   SELECT * | COUNT(*) | f1, f2… FROM Entity [WHERE f op v [AND …]] [ORDERBY f [ASC|DESC][, …]]
 *   [STARTPOSITION n] [MAXRESULTS n]
 * Operators: = < > <= >= IN LIKE. Keywords and field names are case-insensitive; strings are
 * single-quoted with backslash escapes. No OR or joins (QBO has none either). A field list
 * (`SELECT Id, DisplayName FROM Vendor`) is a projection, which QBO answers with just those fields.
 * MAXRESULTS above 1000 is rejected like QBO does ("QueryValidationError: value 1001 is too large").
 */
import { faults } from "./faults";

export type QueryLiteral = string | number | boolean;
export type QueryOperator = "=" | "<" | ">" | "<=" | ">=" | "IN" | "LIKE";

export interface QueryCondition {
  field: string[];
  operator: QueryOperator;
  /** One value, except for IN. */
  values: QueryLiteral[];
}

export interface QueryOrdering {
  field: string[];
  descending: boolean;
}

export interface ParsedQuery {
  count: boolean;
  /** The projected fields; undefined for `SELECT *`. */
  fields?: string[][];
  entity: string;
  where: QueryCondition[];
  orderBy: QueryOrdering[];
  startPosition: number;
  maxResults: number;
}

export const DEFAULT_MAX_RESULTS = 100;
export const MAX_MAX_RESULTS = 1000;

type TokenType = "word" | "string" | "number" | "symbol";

interface Token {
  type: TokenType;
  text: string;
  /** The decoded value for strings; the raw text otherwise. */
  value: string;
  column: number;
}

const SYMBOLS = ["<=", ">=", "=", "<", ">", "(", ")", ",", "*"];

function parseError(detail: string): never {
  throw faults.queryParse(detail);
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < text.length) {
    const char = text.charAt(index);
    const column = index + 1;
    if (/\s/.test(char)) {
      index += 1;
      continue;
    }
    if (char === "'") {
      let value = "";
      index += 1;
      let closed = false;
      while (index < text.length) {
        const current = text.charAt(index);
        if (current === "\\" && index + 1 < text.length) {
          value += text.charAt(index + 1);
          index += 2;
          continue;
        }
        if (current === "'") {
          closed = true;
          index += 1;
          break;
        }
        value += current;
        index += 1;
      }
      if (!closed) parseError(`Lexical error at line 1, column ${column}. Unterminated string literal.`);
      tokens.push({ type: "string", text: text.slice(column - 1, index), value, column });
      continue;
    }
    const number = /^-?\d+(\.\d+)?/.exec(text.slice(index));
    if (number && (char !== "-" || /\d/.test(text.charAt(index + 1)))) {
      tokens.push({ type: "number", text: number[0], value: number[0], column });
      index += number[0].length;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(text.slice(index));
    if (word) {
      tokens.push({ type: "word", text: word[0], value: word[0], column });
      index += word[0].length;
      continue;
    }
    const symbol = SYMBOLS.find((candidate) => text.startsWith(candidate, index));
    if (symbol) {
      tokens.push({ type: "symbol", text: symbol, value: symbol, column });
      index += symbol.length;
      continue;
    }
    parseError(`Lexical error at line 1, column ${column}. Encountered: "${char}"`);
  }
  return tokens;
}

class TokenStream {
  private position = 0;
  constructor(private readonly tokens: Token[]) {}

  peek(): Token | undefined {
    return this.tokens[this.position];
  }

  next(expected: string): Token {
    const token = this.tokens[this.position];
    if (!token) parseError(`Encountered "<EOF>" at line 1. Was expecting ${expected}.`);
    this.position += 1;
    return token;
  }

  atKeyword(keyword: string): boolean {
    const token = this.peek();
    return token?.type === "word" && token.text.toUpperCase() === keyword;
  }

  atSymbol(symbol: string): boolean {
    const token = this.peek();
    return token?.type === "symbol" && token.text === symbol;
  }

  keyword(keyword: string): void {
    const token = this.next(`"${keyword}"`);
    if (token.type !== "word" || token.text.toUpperCase() !== keyword) unexpected(token, `"${keyword}"`);
  }

  symbol(symbol: string): void {
    const token = this.next(`"${symbol}"`);
    if (token.type !== "symbol" || token.text !== symbol) unexpected(token, `"${symbol}"`);
  }

  get done(): boolean {
    return this.position >= this.tokens.length;
  }
}

function unexpected(token: Token, expected: string): never {
  parseError(`Encountered " ${token.text} " at line 1, column ${token.column}. Was expecting ${expected}.`);
}

const RESERVED = new Set(["SELECT", "FROM", "WHERE", "AND", "OR", "ORDERBY", "ORDER", "STARTPOSITION", "MAXRESULTS", "IN", "LIKE", "ASC", "DESC", "COUNT"]);

function field(stream: TokenStream): string[] {
  const token = stream.next("a field name");
  if (token.type !== "word" || RESERVED.has(token.text.toUpperCase())) unexpected(token, "a field name");
  const parts = token.text.split(".");
  if (parts.some((part) => part === "")) unexpected(token, "a field name");
  return parts;
}

function literal(stream: TokenStream): QueryLiteral {
  const token = stream.next("a value");
  if (token.type === "string") return token.value;
  if (token.type === "number") return Number(token.text);
  if (token.type === "word") {
    const upper = token.text.toUpperCase();
    if (upper === "TRUE") return true;
    if (upper === "FALSE") return false;
  }
  unexpected(token, "a quoted string, a number, true or false");
}

function operator(stream: TokenStream): QueryOperator {
  const token = stream.next("an operator");
  if (token.type === "symbol" && ["=", "<", ">", "<=", ">="].includes(token.text)) return token.text as QueryOperator;
  if (token.type === "word") {
    const upper = token.text.toUpperCase();
    if (upper === "IN" || upper === "LIKE") return upper;
  }
  unexpected(token, "one of = < > <= >= IN LIKE");
}

function condition(stream: TokenStream): QueryCondition {
  const name = field(stream);
  const op = operator(stream);
  if (op !== "IN") {
    const value = literal(stream);
    if (op === "LIKE" && typeof value !== "string") parseError("LIKE needs a quoted string pattern.");
    return { field: name, operator: op, values: [value] };
  }
  stream.symbol("(");
  const values = [literal(stream)];
  while (stream.atSymbol(",")) {
    stream.next(",");
    values.push(literal(stream));
  }
  stream.symbol(")");
  return { field: name, operator: op, values };
}

function positiveInteger(stream: TokenStream, clause: string): number {
  const token = stream.next(`a number after ${clause}`);
  if (token.type !== "number" || !/^\d+$/.test(token.text)) unexpected(token, "a whole number");
  return Number(token.text);
}

export function parseQuery(text: string): ParsedQuery {
  const stream = new TokenStream(tokenize(text));
  stream.keyword("SELECT");
  let count = false;
  let fields: string[][] | undefined;
  if (stream.atKeyword("COUNT")) {
    stream.next("COUNT");
    stream.symbol("(");
    stream.symbol("*");
    stream.symbol(")");
    count = true;
  } else if (stream.atSymbol("*")) {
    stream.next('"*"');
  } else {
    fields = [field(stream)];
    while (stream.atSymbol(",")) {
      stream.next(",");
      fields.push(field(stream));
    }
  }
  stream.keyword("FROM");
  const entityToken = stream.next("an entity name");
  if (entityToken.type !== "word" || entityToken.text.includes(".")) unexpected(entityToken, "an entity name");

  const where: QueryCondition[] = [];
  if (stream.atKeyword("WHERE")) {
    stream.next("WHERE");
    where.push(condition(stream));
    while (stream.atKeyword("AND")) {
      stream.next("AND");
      where.push(condition(stream));
    }
    if (stream.atKeyword("OR")) parseError("OR is not supported: split the query or use IN.");
  }

  const orderBy: QueryOrdering[] = [];
  if (stream.atKeyword("ORDERBY") || stream.atKeyword("ORDER")) {
    if (stream.atKeyword("ORDER")) {
      stream.next("ORDER");
      stream.keyword("BY");
    } else {
      stream.next("ORDERBY");
    }
    do {
      if (orderBy.length > 0) stream.next(",");
      const name = field(stream);
      let descending = false;
      if (stream.atKeyword("ASC")) stream.next("ASC");
      else if (stream.atKeyword("DESC")) {
        stream.next("DESC");
        descending = true;
      }
      orderBy.push({ field: name, descending });
    } while (stream.atSymbol(","));
  }

  let startPosition = 1;
  let maxResults = DEFAULT_MAX_RESULTS;
  let sawStart = false;
  let sawMax = false;
  while (!stream.done) {
    if (stream.atKeyword("STARTPOSITION") && !sawStart) {
      stream.next("STARTPOSITION");
      startPosition = Math.max(1, positiveInteger(stream, "STARTPOSITION"));
      sawStart = true;
    } else if (stream.atKeyword("MAXRESULTS") && !sawMax) {
      stream.next("MAXRESULTS");
      maxResults = positiveInteger(stream, "MAXRESULTS");
      sawMax = true;
    } else {
      const token = stream.next("end of query");
      unexpected(token, "STARTPOSITION, MAXRESULTS or the end of the query");
    }
  }
  if (maxResults > MAX_MAX_RESULTS) {
    throw faults.queryValidation(`value ${maxResults} is too large. Max allowed value is: ${MAX_MAX_RESULTS}`);
  }
  if (maxResults < 1) throw faults.queryValidation(`value ${maxResults} is too small. Min allowed value is: 1`);
  return { count, ...(fields ? { fields } : {}), entity: entityToken.text, where, orderBy, startPosition, maxResults };
}
