// The live desk's data as it crosses to the client (dates as ISO strings).

export interface DeskEntryView {
  id: string;
  version: number;
  title: string;
  body: string;
  keyEvent: boolean;
  pinned: boolean;
  publishedAt: string;
  editedAt: string | null;
  bylineIds: string[];
  bylineNames: string[];
  canEdit: boolean;
  corrections: { kind: "CORRECTION" | "UPDATE"; body: string; publishedAt: string }[];
}

export interface LiveDeskView {
  articleId: string;
  status: string;
  liveCoverage: boolean;
  startedAt: string | null;
  endedAt: string | null;
  entries: DeskEntryView[];
  can: { post: boolean; manage: boolean; toggle: boolean; correct: boolean };
}

export interface DeskChoices {
  bylines: { id: string; name: string }[];
  images: { url: string; alt: string; name: string }[];
  /** The poster's own byline, chosen by default. */
  ownBylineId: string | null;
}
