// The types of the summary and the coping plan card (issue #12) as they cross IPC: generated
// from the Rust types into bindings.ts, re-exported here for the summary's modules.
export type {
  CardFormat,
  CardPreviewRequest,
  CardSection,
  CardTheme,
  CopingCard,
  JournalChoice,
  Paper,
  PreviewImage,
  SaveCardRequest,
  SaveSummaryRequest,
  SavedFile,
  SummaryPeriod,
  SummaryPreview,
  SummaryRequest,
  SummarySection,
} from '../ipc/bindings';
