// Placeholder: the preload exposes window.mediaImport built from src-main/contract.ts.
export {}
