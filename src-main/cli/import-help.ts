/** `media-import import --help`: what the command does, its options, and its exit status. */
export const importHelp = `Usage: media-import import <path>... --profile FILE [--session DIR] [--metadata FILE.csv [--assets DIR]]
                           [--link-conflicts] [--import-unreadable-as-file] [--json]

Imports files and folders into the Media Library of the profile's Livingdocs project:
reads each file's type and metadata from its bytes, uploads it to the profile's S3
storage, validates each entry and submits it, retrying what can be retried.
Nothing is uploaded twice and nothing is imported twice, even across runs:
a file without an externalId is sent as externalId sha256-<hash of its bytes>,
and a file the library already holds is "already in the library" (its media id,
date and origin shown), neither uploaded nor imported again. To import such a
file once more on purpose, give it its own externalId in --metadata.

Options:
  --profile FILE   the profile (JSON): Livingdocs and S3 settings; secrets come from
                   the environment variables it names (\`media-import sandbox\` writes one)
  --session DIR    the session folder. An existing one is continued: uploads resume,
                   imported files stay imported, failed ones go again.
                   Default: a new folder under $XDG_DATA_HOME/media-importer/sessions
                   or ~/.media-importer/sessions (printed at the start)
  --metadata FILE  a CSV with one line per file, keyed by its relativePath (as
                   \`media-import scan\` shows it, or relative to the folder given):
                   metadata properties (title, caption, …), translations (title.fr),
                   systemName, externalId, id, mediaType, and asset.fr for a file that
                   replaces the asset in one language (relative to the CSV). Empty
                   cells change nothing; list values are separated by ";". The CSV
                   must be UTF-8 (Excel: "CSV UTF-8").
  --assets DIR     a folder of files that asset.<locale> cells may name, without
                   importing them (repeatable). A file the CSV names must lie in a
                   path given to import or in an --assets folder, else nothing runs.
  --link-conflicts a file whose externalId the library already holds is linked to
                   that entry (as the app's "Link to entry"): nothing is sent for it
  --import-unreadable-as-file
                   a damaged image or video the probe could still read, and a video
                   without a duration, is imported as a plain file (as "Import as file")
  --json           at the end, one JSON object per line and file (NDJSON): relativePath,
                   path, outcome, status, state, entryId, mediaId, mediaType, kind,
                   mimeType, size, key, url, reason, issues [{ field, message, source }],
                   waysOut (import-as-file, link, change-external-id, resubmit, …),
                   inLibrary { mediaId, createdAt, externalId, origin } (outcome
                   in-library), contentMatch (same bytes under another identity)
  -h, --help       show this help

A progress line is shown on a terminal (stderr). Exit status: 0 every file imported
or already in the library, 1 some files not imported (each listed with its reason, and
the command to run again with the options that resolve what is left), 2 usage or
configuration error.`
