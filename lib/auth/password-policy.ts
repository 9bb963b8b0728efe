import { ZxcvbnFactory, type TranslationKeys } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";

export const PASSWORD_MIN_LENGTH = 10;
/** bcrypt reads only the first 72 bytes of a password: anything after them would be silently ignored. */
export const PASSWORD_MAX_BYTES = 72;
/** zxcvbn's 0–4 scale; 3 is "safely unguessable: moderate protection from offline slow-hash attacks". */
export const PASSWORD_MIN_SCORE = 3;

/**
 * Our wording for zxcvbn's feedback keys (without translations it answers with the bare keys). Every
 * key of the library's TranslationKeys is required here, so an upgrade that adds one fails to compile.
 */
const ENGLISH: TranslationKeys = {
  warnings: {
    straightRow: "straight rows of keys on a keyboard are easy to guess.",
    keyPattern: "short keyboard patterns are easy to guess.",
    simpleRepeat: 'repeated characters like "aaa" are easy to guess.',
    extendedRepeat: 'repeated patterns like "abcabcabc" are easy to guess.',
    sequences: 'common sequences like "abc" or "1234" are easy to guess.',
    recentYears: "recent years are easy to guess.",
    dates: "dates are easy to guess.",
    topTen: "this is one of the most used passwords.",
    topHundred: "this is a very frequently used password.",
    common: "this is a commonly used password.",
    similarToCommon: "this is similar to a commonly used password.",
    wordByItself: "single words are easy to guess.",
    namesByThemselves: "single names or surnames are easy to guess.",
    commonNames: "common names and surnames are easy to guess.",
    userInputs: "it contains your own details.",
    pwned: "this password appeared in a data breach.",
  },
  suggestions: {
    l33t: "Avoid predictable substitutions like '@' for 'a'.",
    reverseWords: "Avoid reversed spellings of common words.",
    allUppercase: "Capitalise some, but not all, letters.",
    capitalization: "Capitalise more than the first letter.",
    dates: "Avoid dates and years that are associated with you.",
    recentYears: "Avoid recent years.",
    associatedYears: "Avoid years that are associated with you.",
    sequences: "Avoid common character sequences.",
    repeated: "Avoid repeated words and characters.",
    longerKeyboardPattern: "Use longer keyboard patterns and change direction several times.",
    anotherWord: "Add a few more words that are less common.",
    useWords: "Use several words, but avoid common phrases.",
    noNeed: "You can make a strong password without symbols, numbers or capitals.",
    pwned: "If you use this password elsewhere, change it there too.",
  },
  timeEstimation: {
    ltSecond: "less than a second",
    second: "{base} second",
    seconds: "{base} seconds",
    minute: "{base} minute",
    minutes: "{base} minutes",
    hour: "{base} hour",
    hours: "{base} hours",
    day: "{base} day",
    days: "{base} days",
    month: "{base} month",
    months: "{base} months",
    year: "{base} year",
    years: "{base} years",
    centuries: "centuries",
  },
};

let estimator: ZxcvbnFactory | undefined;
/** Built on first use: ranking the dictionaries takes a moment, and most requests never need it. */
function zxcvbn(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs, translations: ENGLISH });
  return estimator;
}

export function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

/**
 * Why a new password is refused, or null when it is acceptable. One reason at a time, the first
 * that applies, phrased for the person choosing it. `userInputs` (name, email…) count as guessable.
 */
export function newPasswordProblem(password: string, userInputs: string[] = []): string | null {
  if (password.trim() === "") return password === "" ? "Choose a password" : "Use more than spaces: add words or other characters";
  if (password.length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters`;
  if (utf8Bytes(password) > PASSWORD_MAX_BYTES) {
    return `Use at most ${PASSWORD_MAX_BYTES} bytes: only the first ${PASSWORD_MAX_BYTES} would be checked at sign-in (accented letters and symbols take 2–4 bytes each)`;
  }
  const result = zxcvbn().check(password, userInputs);
  if (result.score >= PASSWORD_MIN_SCORE) return null;
  const why = result.feedback.warning ?? "it would be found quickly by someone guessing common passwords and patterns.";
  const tip = result.feedback.suggestions[0] ?? "Add a few more words that are less common.";
  return `Too easy to guess: ${why} ${tip}`;
}
