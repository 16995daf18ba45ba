// The reading-time package types only its entry; its lib/reading-time.js is the same default export.
declare module "reading-time/lib/reading-time" {
  import readingTime from "reading-time";
  export default readingTime;
}
