// The hostile-input suite (hostile-suite.ts) on SQLite.
import { hostileInputSuite } from "./hostile-suite";

hostileInputSuite("sqlite");
