/** Settings → Sync → Preferences: read, validate and save (with the account pickers' choices). */
export { accountChoicesFor, getSyncPreferences, saveSyncPreferences, type AccountChoice, type SaveSyncPreferencesResult } from "@/lib/sync/preferences/preferences";
export {
  ACCOUNT_PREFERENCE_FIELDS,
  ACCOUNT_TYPES_FOR,
  SYNC_PREFERENCE_LABELS,
  syncPreferencesSchema,
  type AccountPreferenceField,
  type SyncPreferencesInput,
  type SyncPreferencesValues,
} from "@/lib/sync/preferences/schema";
export { getCommerceMarkers, saveCommerceMarkers, type SaveCommerceMarkersResult } from "@/lib/sync/preferences/commerce-markers";
export { COMMERCE_MARKER_LIMITS, COMMERCE_MARKER_LABELS, commerceMarkersSchema, type CommerceMarkersInput } from "@/lib/sync/preferences/commerce-markers-schema";
