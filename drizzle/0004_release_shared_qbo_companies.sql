-- Custom data migration (drizzle-kit cannot generate it); must run before the unique index on
-- qbo_connections.realm_id. One QuickBooks company belongs to one organisation: where several
-- organisations are connected to the same company (the built-in sandbox used to offer every company
-- to everyone), the first one to connect keeps it and the others are disconnected, their tokens
-- forgotten, so they reconnect to a company of their own.
UPDATE "qbo_connections" AS later
SET "status" = 'disconnected',
    "status_reason" = 'Another organisation is connected to this QuickBooks company',
    "access_token_encrypted" = NULL,
    "refresh_token_encrypted" = NULL,
    "access_token_expires_at" = NULL,
    "refresh_token_expires_at" = NULL
WHERE later."status" <> 'disconnected'
  AND EXISTS (
    SELECT 1 FROM "qbo_connections" AS earlier
    WHERE earlier."realm_id" = later."realm_id"
      AND earlier."status" <> 'disconnected'
      AND (earlier."connected_at", earlier."organization_id") < (later."connected_at", later."organization_id")
  );
