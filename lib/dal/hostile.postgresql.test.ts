// The hostile-input suite (hostile-suite.ts) on PostgreSQL.
import { hostileInputSuite } from "./hostile-suite";

hostileInputSuite("postgresql");
