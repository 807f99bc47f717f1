import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  verificationLine
} from "./chunk-X64BWBNE.js";
import {
  LAYOUT_TRANSACTION
} from "./chunk-FC3R3YAT.js";
import {
  CHECKSUM_REFUSAL,
  NO_TREE,
  analyzeSet,
  calibrationFor,
  duplicateVersion,
  formatBytes,
  formatRange,
  impactOf,
  migrationEdited,
  migrationOutOfOrder,
  parseOptionsFor,
  rollbackMissing,
  rollbackOrphan
} from "./chunk-4MY55WFK.js";
import {
  allRules,
  ruleById
} from "./chunk-5KYLD3CL.js";
import {
  byCodeUnit,
  decodeSql,
  parseSource,
  trimTrailing
} from "./chunk-I2ZFNCD6.js";
import {
  atLeast,
  blocksWrites,
  lockModeSql,
  maxRisk,
  riskRank
} from "./chunk-KAFW6XA3.js";
import {
  LineIndex,
  initParser
} from "./chunk-NXVMW54H.js";
import {
  __commonJS,
  __toESM
} from "./chunk-ZGDBGMMU.js";

// node_modules/picomatch/lib/constants.js
var require_constants = __commonJS({
  "node_modules/picomatch/lib/constants.js"(exports, module) {
    "use strict";
    var WIN_SLASH = "\\\\/";
    var WIN_NO_SLASH = `[^${WIN_SLASH}]`;
    var DEFAULT_MAX_EXTGLOB_RECURSION = 0;
    var DOT_LITERAL = "\\.";
    var PLUS_LITERAL = "\\+";
    var QMARK_LITERAL = "\\?";
    var SLASH_LITERAL = "\\/";
    var ONE_CHAR = "(?=.)";
    var QMARK = "[^/]";
    var END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
    var START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
    var DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
    var NO_DOT = `(?!${DOT_LITERAL})`;
    var NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
    var NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
    var NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
    var QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
    var STAR = `${QMARK}*?`;
    var SEP = "/";
    var POSIX_CHARS = {
      DOT_LITERAL,
      PLUS_LITERAL,
      QMARK_LITERAL,
      SLASH_LITERAL,
      ONE_CHAR,
      QMARK,
      END_ANCHOR,
      DOTS_SLASH,
      NO_DOT,
      NO_DOTS,
      NO_DOT_SLASH,
      NO_DOTS_SLASH,
      QMARK_NO_DOT,
      STAR,
      START_ANCHOR,
      SEP
    };
    var WINDOWS_CHARS = {
      ...POSIX_CHARS,
      SLASH_LITERAL: `[${WIN_SLASH}]`,
      QMARK: WIN_NO_SLASH,
      STAR: `${WIN_NO_SLASH}*?`,
      DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
      NO_DOT: `(?!${DOT_LITERAL})`,
      NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
      NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
      START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
      END_ANCHOR: `(?:[${WIN_SLASH}]|$)`,
      SEP: "\\"
    };
    var POSIX_REGEX_SOURCE = {
      __proto__: null,
      alnum: "a-zA-Z0-9",
      alpha: "a-zA-Z",
      ascii: "\\x00-\\x7F",
      blank: " \\t",
      cntrl: "\\x00-\\x1F\\x7F",
      digit: "0-9",
      graph: "\\x21-\\x7E",
      lower: "a-z",
      print: "\\x20-\\x7E ",
      punct: "\\-!\"#$%&'()\\*+,./:;<=>?@[\\]^_`{|}~",
      space: " \\t\\r\\n\\v\\f",
      upper: "A-Z",
      word: "A-Za-z0-9_",
      xdigit: "A-Fa-f0-9"
    };
    module.exports = {
      DEFAULT_MAX_EXTGLOB_RECURSION,
      MAX_LENGTH: 1024 * 64,
      POSIX_REGEX_SOURCE,
      // regular expressions
      REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
      REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
      REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
      REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
      REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
      REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,
      // Replace globs with equivalent patterns to reduce parsing time.
      REPLACEMENTS: {
        __proto__: null,
        "***": "*",
        "**/**": "**",
        "**/**/**": "**"
      },
      // Digits
      CHAR_0: 48,
      /* 0 */
      CHAR_9: 57,
      /* 9 */
      // Alphabet chars.
      CHAR_UPPERCASE_A: 65,
      /* A */
      CHAR_LOWERCASE_A: 97,
      /* a */
      CHAR_UPPERCASE_Z: 90,
      /* Z */
      CHAR_LOWERCASE_Z: 122,
      /* z */
      CHAR_LEFT_PARENTHESES: 40,
      /* ( */
      CHAR_RIGHT_PARENTHESES: 41,
      /* ) */
      CHAR_ASTERISK: 42,
      /* * */
      // Non-alphabetic chars.
      CHAR_AMPERSAND: 38,
      /* & */
      CHAR_AT: 64,
      /* @ */
      CHAR_BACKWARD_SLASH: 92,
      /* \ */
      CHAR_CARRIAGE_RETURN: 13,
      /* \r */
      CHAR_CIRCUMFLEX_ACCENT: 94,
      /* ^ */
      CHAR_COLON: 58,
      /* : */
      CHAR_COMMA: 44,
      /* , */
      CHAR_DOT: 46,
      /* . */
      CHAR_DOUBLE_QUOTE: 34,
      /* " */
      CHAR_EQUAL: 61,
      /* = */
      CHAR_EXCLAMATION_MARK: 33,
      /* ! */
      CHAR_FORM_FEED: 12,
      /* \f */
      CHAR_FORWARD_SLASH: 47,
      /* / */
      CHAR_GRAVE_ACCENT: 96,
      /* ` */
      CHAR_HASH: 35,
      /* # */
      CHAR_HYPHEN_MINUS: 45,
      /* - */
      CHAR_LEFT_ANGLE_BRACKET: 60,
      /* < */
      CHAR_LEFT_CURLY_BRACE: 123,
      /* { */
      CHAR_LEFT_SQUARE_BRACKET: 91,
      /* [ */
      CHAR_LINE_FEED: 10,
      /* \n */
      CHAR_NO_BREAK_SPACE: 160,
      /* \u00A0 */
      CHAR_PERCENT: 37,
      /* % */
      CHAR_PLUS: 43,
      /* + */
      CHAR_QUESTION_MARK: 63,
      /* ? */
      CHAR_RIGHT_ANGLE_BRACKET: 62,
      /* > */
      CHAR_RIGHT_CURLY_BRACE: 125,
      /* } */
      CHAR_RIGHT_SQUARE_BRACKET: 93,
      /* ] */
      CHAR_SEMICOLON: 59,
      /* ; */
      CHAR_SINGLE_QUOTE: 39,
      /* ' */
      CHAR_SPACE: 32,
      /*   */
      CHAR_TAB: 9,
      /* \t */
      CHAR_UNDERSCORE: 95,
      /* _ */
      CHAR_VERTICAL_LINE: 124,
      /* | */
      CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279,
      /* \uFEFF */
      /**
       * Create EXTGLOB_CHARS
       */
      extglobChars(chars) {
        return {
          "!": { type: "negate", open: "(?:(?!(?:", close: `))${chars.STAR})` },
          "?": { type: "qmark", open: "(?:", close: ")?" },
          "+": { type: "plus", open: "(?:", close: ")+" },
          "*": { type: "star", open: "(?:", close: ")*" },
          "@": { type: "at", open: "(?:", close: ")" }
        };
      },
      /**
       * Create GLOB_CHARS
       */
      globChars(win32) {
        return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
      }
    };
  }
});

// node_modules/picomatch/lib/utils.js
var require_utils = __commonJS({
  "node_modules/picomatch/lib/utils.js"(exports) {
    "use strict";
    var {
      REGEX_BACKSLASH,
      REGEX_REMOVE_BACKSLASH,
      REGEX_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_GLOBAL
    } = require_constants();
    exports.isObject = (val) => val !== null && typeof val === "object" && !Array.isArray(val);
    exports.hasRegexChars = (str) => REGEX_SPECIAL_CHARS.test(str);
    exports.isRegexChar = (str) => str.length === 1 && exports.hasRegexChars(str);
    exports.escapeRegex = (str) => str.replace(REGEX_SPECIAL_CHARS_GLOBAL, "\\$1");
    exports.toPosixSlashes = (str) => str.replace(REGEX_BACKSLASH, "/");
    exports.isWindows = () => {
      if (typeof navigator !== "undefined" && navigator.platform) {
        const platform = navigator.platform.toLowerCase();
        return platform === "win32" || platform === "windows";
      }
      if (typeof process !== "undefined" && process.platform) {
        return process.platform === "win32";
      }
      return false;
    };
    exports.removeBackslashes = (str) => {
      return str.replace(REGEX_REMOVE_BACKSLASH, (match) => {
        return match === "\\" ? "" : match;
      });
    };
    exports.escapeLast = (input, char, lastIdx) => {
      const idx = input.lastIndexOf(char, lastIdx);
      if (idx === -1) return input;
      if (input[idx - 1] === "\\") return exports.escapeLast(input, char, idx - 1);
      return `${input.slice(0, idx)}\\${input.slice(idx)}`;
    };
    exports.removePrefix = (input, state = {}) => {
      let output = input;
      if (output.startsWith("./")) {
        output = output.slice(2);
        state.prefix = "./";
      }
      return output;
    };
    exports.wrapOutput = (input, state = {}, options = {}) => {
      const prepend = options.contains ? "" : "^";
      const append = options.contains ? "" : "$";
      let output = `${prepend}(?:${input})${append}`;
      if (state.negated === true) {
        output = `(?:^(?!${output}).*$)`;
      }
      return output;
    };
    exports.basename = (path2, { windows } = {}) => {
      const segs = path2.split(windows ? /[\\/]/ : "/");
      const last = segs[segs.length - 1];
      if (last === "") {
        return segs[segs.length - 2];
      }
      return last;
    };
  }
});

// node_modules/picomatch/lib/scan.js
var require_scan = __commonJS({
  "node_modules/picomatch/lib/scan.js"(exports, module) {
    "use strict";
    var utils = require_utils();
    var {
      CHAR_ASTERISK,
      /* * */
      CHAR_AT,
      /* @ */
      CHAR_BACKWARD_SLASH,
      /* \ */
      CHAR_COMMA,
      /* , */
      CHAR_DOT,
      /* . */
      CHAR_EXCLAMATION_MARK,
      /* ! */
      CHAR_FORWARD_SLASH,
      /* / */
      CHAR_LEFT_CURLY_BRACE,
      /* { */
      CHAR_LEFT_PARENTHESES,
      /* ( */
      CHAR_LEFT_SQUARE_BRACKET,
      /* [ */
      CHAR_PLUS,
      /* + */
      CHAR_QUESTION_MARK,
      /* ? */
      CHAR_RIGHT_CURLY_BRACE,
      /* } */
      CHAR_RIGHT_PARENTHESES,
      /* ) */
      CHAR_RIGHT_SQUARE_BRACKET
      /* ] */
    } = require_constants();
    var isPathSeparator = (code2) => {
      return code2 === CHAR_FORWARD_SLASH || code2 === CHAR_BACKWARD_SLASH;
    };
    var depth = (token) => {
      if (token.isPrefix !== true) {
        token.depth = token.isGlobstar ? Infinity : 1;
      }
    };
    var scan = (input, options) => {
      const opts = options || {};
      const length = input.length - 1;
      const scanToEnd = opts.parts === true || opts.tokens === true || opts.scanToEnd === true;
      const slashes = [];
      const tokens = [];
      const parts = [];
      let str = input;
      let index = -1;
      let start = 0;
      let lastIndex = 0;
      let isBrace = false;
      let isBracket = false;
      let isGlob = false;
      let isExtglob = false;
      let isGlobstar = false;
      let braceEscaped = false;
      let backslashes = false;
      let negated = false;
      let negatedExtglob = false;
      let finished = false;
      let braces = 0;
      let prev;
      let code2;
      let token = { value: "", depth: 0, isGlob: false };
      const eos = () => index >= length;
      const peek = () => str.charCodeAt(index + 1);
      const advance = () => {
        prev = code2;
        return str.charCodeAt(++index);
      };
      while (index < length) {
        code2 = advance();
        let next;
        if (code2 === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          code2 = advance();
          if (code2 === CHAR_LEFT_CURLY_BRACE) {
            braceEscaped = true;
          }
          continue;
        }
        if (braceEscaped === true || code2 === CHAR_LEFT_CURLY_BRACE) {
          braces++;
          while (eos() !== true && (code2 = advance())) {
            if (code2 === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (code2 === CHAR_LEFT_CURLY_BRACE) {
              braces++;
              continue;
            }
            if (braceEscaped !== true && code2 === CHAR_DOT && (code2 = advance()) === CHAR_DOT) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (braceEscaped !== true && code2 === CHAR_COMMA) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (code2 === CHAR_RIGHT_CURLY_BRACE) {
              braces--;
              if (braces === 0) {
                braceEscaped = false;
                isBrace = token.isBrace = true;
                finished = true;
                break;
              }
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code2 === CHAR_FORWARD_SLASH) {
          slashes.push(index);
          tokens.push(token);
          token = { value: "", depth: 0, isGlob: false };
          if (finished === true) continue;
          if (prev === CHAR_DOT && index === start + 1) {
            start += 2;
            continue;
          }
          lastIndex = index + 1;
          continue;
        }
        if (opts.noext !== true) {
          const isExtglobChar = code2 === CHAR_PLUS || code2 === CHAR_AT || code2 === CHAR_ASTERISK || code2 === CHAR_QUESTION_MARK || code2 === CHAR_EXCLAMATION_MARK;
          if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
            isGlob = token.isGlob = true;
            isExtglob = token.isExtglob = true;
            finished = true;
            if (code2 === CHAR_EXCLAMATION_MARK && index === start) {
              negatedExtglob = true;
            }
            if (scanToEnd === true) {
              let parens = 0;
              while (eos() !== true && (code2 = advance())) {
                if (code2 === CHAR_BACKWARD_SLASH) {
                  backslashes = token.backslashes = true;
                  advance();
                  continue;
                }
                if (code2 === CHAR_LEFT_PARENTHESES) {
                  parens++;
                  continue;
                }
                if (code2 === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                  finished = true;
                  break;
                }
              }
              continue;
            }
            break;
          }
        }
        if (code2 === CHAR_ASTERISK) {
          if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code2 === CHAR_QUESTION_MARK) {
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code2 === CHAR_LEFT_SQUARE_BRACKET) {
          while (eos() !== true && (next = advance())) {
            if (next === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (next === CHAR_RIGHT_SQUARE_BRACKET) {
              isBracket = token.isBracket = true;
              isGlob = token.isGlob = true;
              finished = true;
              break;
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (opts.nonegate !== true && code2 === CHAR_EXCLAMATION_MARK && index === start) {
          negated = token.negated = true;
          start++;
          continue;
        }
        if (opts.noparen !== true && code2 === CHAR_LEFT_PARENTHESES) {
          isGlob = token.isGlob = true;
          if (scanToEnd === true) {
            let parens = 1;
            while (eos() !== true && (code2 = advance())) {
              if (code2 === CHAR_BACKWARD_SLASH) {
                backslashes = token.backslashes = true;
                advance();
                continue;
              }
              if (code2 === CHAR_LEFT_PARENTHESES) {
                parens++;
                continue;
              }
              if (code2 === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                finished = true;
                break;
              }
            }
            continue;
          }
          break;
        }
        if (isGlob === true) {
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
      }
      if (opts.noext === true) {
        isExtglob = false;
        isGlob = false;
      }
      let base = str;
      let prefix = "";
      let glob = "";
      if (start > 0) {
        prefix = str.slice(0, start);
        str = str.slice(start);
        lastIndex -= start;
      }
      if (base && isGlob === true && lastIndex > 0) {
        base = str.slice(0, lastIndex);
        glob = str.slice(lastIndex);
      } else if (isGlob === true) {
        base = "";
        glob = str;
      } else {
        base = str;
      }
      if (base && base !== "" && base !== "/" && base !== str) {
        if (isPathSeparator(base.charCodeAt(base.length - 1))) {
          base = base.slice(0, -1);
        }
      }
      if (opts.unescape === true) {
        if (glob) glob = utils.removeBackslashes(glob);
        if (base && backslashes === true) {
          base = utils.removeBackslashes(base);
        }
      }
      const state = {
        prefix,
        input,
        start,
        base,
        glob,
        isBrace,
        isBracket,
        isGlob,
        isExtglob,
        isGlobstar,
        negated,
        negatedExtglob
      };
      if (opts.tokens === true) {
        state.maxDepth = 0;
        if (!isPathSeparator(code2)) {
          tokens.push(token);
        }
        state.tokens = tokens;
      }
      if (opts.parts === true || opts.tokens === true) {
        let prevIndex;
        for (let idx = 0; idx < slashes.length; idx++) {
          const n2 = prevIndex !== void 0 ? prevIndex + 1 : start;
          const i = slashes[idx];
          const value2 = input.slice(n2, i);
          if (opts.tokens) {
            if (idx === 0 && start !== 0) {
              tokens[idx].isPrefix = true;
              tokens[idx].value = prefix;
            } else {
              tokens[idx].value = value2;
            }
            depth(tokens[idx]);
            state.maxDepth += tokens[idx].depth;
          }
          if (i >= start) {
            parts.push(value2);
            prevIndex = i;
          }
        }
        const n = prevIndex !== void 0 ? prevIndex + 1 : start;
        const value = input.slice(n);
        parts.push(value);
        if (opts.tokens && prevIndex && prevIndex + 1 < input.length) {
          tokens[tokens.length - 1].value = value;
          depth(tokens[tokens.length - 1]);
          state.maxDepth += tokens[tokens.length - 1].depth;
        }
        state.slashes = slashes;
        state.parts = parts;
      }
      return state;
    };
    module.exports = scan;
  }
});

// node_modules/picomatch/lib/parse.js
var require_parse = __commonJS({
  "node_modules/picomatch/lib/parse.js"(exports, module) {
    "use strict";
    var constants = require_constants();
    var utils = require_utils();
    var {
      MAX_LENGTH,
      POSIX_REGEX_SOURCE,
      REGEX_NON_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_BACKREF,
      REPLACEMENTS
    } = constants;
    var expandRange = (args, options) => {
      if (typeof options.expandRange === "function") {
        return options.expandRange(...args, options);
      }
      args.sort();
      const value = `[${args.join("-")}]`;
      try {
        new RegExp(value);
      } catch (ex) {
        return args.map((v) => utils.escapeRegex(v)).join("..");
      }
      return value;
    };
    var syntaxError = (type, char) => {
      return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
    };
    var splitTopLevel = (input) => {
      const parts = [];
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let value = "";
      let escaped = false;
      for (const ch of input) {
        if (escaped === true) {
          value += ch;
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          value += ch;
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          value += ch;
          continue;
        }
        if (quote === 0) {
          if (ch === "[") {
            bracket++;
          } else if (ch === "]" && bracket > 0) {
            bracket--;
          } else if (bracket === 0) {
            if (ch === "(") {
              paren++;
            } else if (ch === ")" && paren > 0) {
              paren--;
            } else if (ch === "|" && paren === 0) {
              parts.push(value);
              value = "";
              continue;
            }
          }
        }
        value += ch;
      }
      parts.push(value);
      return parts;
    };
    var isPlainBranch = (branch) => {
      let escaped = false;
      for (const ch of branch) {
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (/[?*+@!()[\]{}]/.test(ch)) {
          return false;
        }
      }
      return true;
    };
    var normalizeSimpleBranch = (branch) => {
      let value = branch.trim();
      let changed = true;
      while (changed === true) {
        changed = false;
        if (/^@\([^\\()[\]{}|]+\)$/.test(value)) {
          value = value.slice(2, -1);
          changed = true;
        }
      }
      if (!isPlainBranch(value)) {
        return;
      }
      return value.replace(/\\(.)/g, "$1");
    };
    var hasRepeatedCharPrefixOverlap = (branches) => {
      const values = branches.map(normalizeSimpleBranch).filter(Boolean);
      for (let i = 0; i < values.length; i++) {
        for (let j = i + 1; j < values.length; j++) {
          const a = values[i];
          const b = values[j];
          const char = a[0];
          if (!char || a !== char.repeat(a.length) || b !== char.repeat(b.length)) {
            continue;
          }
          if (a === b || a.startsWith(b) || b.startsWith(a)) {
            return true;
          }
        }
      }
      return false;
    };
    var parseRepeatedExtglob = (pattern, requireEnd = true) => {
      if (pattern[0] !== "+" && pattern[0] !== "*" || pattern[1] !== "(") {
        return;
      }
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let escaped = false;
      for (let i = 1; i < pattern.length; i++) {
        const ch = pattern[i];
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          continue;
        }
        if (quote === 1) {
          continue;
        }
        if (ch === "[") {
          bracket++;
          continue;
        }
        if (ch === "]" && bracket > 0) {
          bracket--;
          continue;
        }
        if (bracket > 0) {
          continue;
        }
        if (ch === "(") {
          paren++;
          continue;
        }
        if (ch === ")") {
          paren--;
          if (paren === 0) {
            if (requireEnd === true && i !== pattern.length - 1) {
              return;
            }
            return {
              type: pattern[0],
              body: pattern.slice(2, i),
              end: i
            };
          }
        }
      }
    };
    var buildCharClassStar = (chars) => {
      const source = chars.length === 1 ? utils.escapeRegex(chars[0]) : `[${chars.map((ch) => utils.escapeRegex(ch)).join("")}]`;
      return `${source}*`;
    };
    var getStarExtglobSequenceChars = (pattern) => {
      let index = 0;
      const chars = [];
      while (index < pattern.length) {
        const match = parseRepeatedExtglob(pattern.slice(index), false);
        if (!match || match.type !== "*") {
          return;
        }
        const branches = splitTopLevel(match.body).map((branch2) => branch2.trim());
        if (branches.length !== 1) {
          return;
        }
        const branch = normalizeSimpleBranch(branches[0]);
        if (!branch || branch.length !== 1) {
          return;
        }
        chars.push(branch);
        index += match.end + 1;
      }
      if (chars.length < 1) {
        return;
      }
      return chars;
    };
    var repeatedExtglobRecursion = (pattern) => {
      let depth = 0;
      let value = pattern.trim();
      let match = parseRepeatedExtglob(value);
      while (match) {
        depth++;
        value = match.body.trim();
        match = parseRepeatedExtglob(value);
      }
      return depth;
    };
    var analyzeRepeatedExtglob = (body, options) => {
      if (options.maxExtglobRecursion === false) {
        return { risky: false };
      }
      const max = typeof options.maxExtglobRecursion === "number" ? options.maxExtglobRecursion : constants.DEFAULT_MAX_EXTGLOB_RECURSION;
      const branches = splitTopLevel(body).map((branch) => branch.trim());
      if (branches.length > 1) {
        if (branches.some((branch) => branch === "") || branches.some((branch) => /^[*?]+$/.test(branch)) || hasRepeatedCharPrefixOverlap(branches)) {
          return { risky: true };
        }
      }
      const safeChars = [];
      let sawStarSequence = false;
      let combinable = true;
      for (const branch of branches) {
        const chars = getStarExtglobSequenceChars(branch);
        if (chars) {
          sawStarSequence = true;
          safeChars.push(...chars);
          continue;
        }
        const literal = normalizeSimpleBranch(branch);
        if (literal && literal.length === 1) {
          safeChars.push(literal);
          continue;
        }
        combinable = false;
        if (repeatedExtglobRecursion(branch) > max) {
          return { risky: true };
        }
      }
      if (sawStarSequence) {
        return combinable ? { risky: true, safeOutput: buildCharClassStar([...new Set(safeChars)]) } : { risky: true };
      }
      return { risky: false };
    };
    var parse = (input, options) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected a string");
      }
      input = REPLACEMENTS[input] || input;
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      let len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      const bos = { type: "bos", value: "", output: opts.prepend || "" };
      const tokens = [bos];
      const capture = opts.capture ? "" : "?:";
      const PLATFORM_CHARS = constants.globChars(opts.windows);
      const EXTGLOB_CHARS = constants.extglobChars(PLATFORM_CHARS);
      const {
        DOT_LITERAL,
        PLUS_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOT_SLASH,
        NO_DOTS_SLASH,
        QMARK,
        QMARK_NO_DOT,
        STAR,
        START_ANCHOR
      } = PLATFORM_CHARS;
      const globstar = (opts2) => {
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const nodot = opts.dot ? "" : NO_DOT;
      const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
      let star = opts.bash === true ? globstar(opts) : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      if (typeof opts.noext === "boolean") {
        opts.noextglob = opts.noext;
      }
      const state = {
        input,
        index: -1,
        start: 0,
        dot: opts.dot === true,
        consumed: "",
        output: "",
        prefix: "",
        backtrack: false,
        negated: false,
        brackets: 0,
        braces: 0,
        parens: 0,
        quotes: 0,
        globstar: false,
        tokens
      };
      input = utils.removePrefix(input, state);
      len = input.length;
      const extglobs = [];
      const braces = [];
      const stack = [];
      let prev = bos;
      let value;
      const eos = () => state.index === len - 1;
      const peek = state.peek = (n = 1) => input[state.index + n];
      const advance = state.advance = () => input[++state.index] || "";
      const remaining = () => input.slice(state.index + 1);
      const consume = (value2 = "", num = 0) => {
        state.consumed += value2;
        state.index += num;
      };
      const append = (token) => {
        state.output += token.output != null ? token.output : token.value;
        consume(token.value);
      };
      const negate = () => {
        let count = 1;
        while (peek() === "!" && (peek(2) !== "(" || peek(3) === "?")) {
          advance();
          state.start++;
          count++;
        }
        if (count % 2 === 0) {
          return false;
        }
        state.negated = true;
        state.start++;
        return true;
      };
      const increment = (type) => {
        state[type]++;
        stack.push(type);
      };
      const decrement = (type) => {
        state[type]--;
        stack.pop();
      };
      const push = (tok) => {
        if (prev.type === "globstar") {
          const isBrace = state.braces > 0 && (tok.type === "comma" || tok.type === "brace");
          const isExtglob = tok.extglob === true || extglobs.length && (tok.type === "pipe" || tok.type === "paren");
          if (tok.type !== "slash" && tok.type !== "paren" && !isBrace && !isExtglob) {
            state.output = state.output.slice(0, -prev.output.length);
            prev.type = "star";
            prev.value = "*";
            prev.output = star;
            state.output += prev.output;
          }
        }
        if (extglobs.length && tok.type !== "paren") {
          extglobs[extglobs.length - 1].inner += tok.value;
        }
        if (tok.value || tok.output) append(tok);
        if (prev && prev.type === "text" && tok.type === "text") {
          prev.output = (prev.output || prev.value) + tok.value;
          prev.value += tok.value;
          return;
        }
        tok.prev = prev;
        tokens.push(tok);
        prev = tok;
      };
      const extglobOpen = (type, value2) => {
        const token = { ...EXTGLOB_CHARS[value2], conditions: 1, inner: "" };
        token.prev = prev;
        token.parens = state.parens;
        token.output = state.output;
        token.startIndex = state.index;
        token.tokensIndex = tokens.length;
        const output = (opts.capture ? "(" : "") + token.open;
        increment("parens");
        push({ type, value: value2, output: state.output ? "" : ONE_CHAR });
        push({ type: "paren", extglob: true, value: advance(), output });
        extglobs.push(token);
      };
      const extglobClose = (token) => {
        const literal = input.slice(token.startIndex, state.index + 1);
        const body = input.slice(token.startIndex + 2, state.index);
        const analysis = analyzeRepeatedExtglob(body, opts);
        if ((token.type === "plus" || token.type === "star") && analysis.risky) {
          const safeOutput = analysis.safeOutput ? (token.output ? "" : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput) : void 0;
          const open = tokens[token.tokensIndex];
          open.type = "text";
          open.value = literal;
          open.output = safeOutput || utils.escapeRegex(literal);
          for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
            tokens[i].value = "";
            tokens[i].output = "";
            delete tokens[i].suffix;
          }
          state.output = token.output + open.output;
          state.backtrack = true;
          push({ type: "paren", extglob: true, value, output: "" });
          decrement("parens");
          return;
        }
        let output = token.close + (opts.capture ? ")" : "");
        let rest;
        if (token.type === "negate") {
          let extglobStar = star;
          if (token.inner && token.inner.length > 1 && token.inner.includes("/")) {
            extglobStar = globstar(opts);
          }
          if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
            output = token.close = `)$))${extglobStar}`;
          }
          if (token.inner.includes("*") && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
            const expression = parse(rest, { ...options, fastpaths: false }).output;
            output = token.close = `)${expression})${extglobStar})`;
          }
          if (token.prev.type === "bos") {
            state.negatedExtglob = true;
          }
        }
        push({ type: "paren", extglob: true, value, output });
        decrement("parens");
      };
      if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
        let backslashes = false;
        let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m, esc, chars, first, rest, index) => {
          if (first === "\\") {
            backslashes = true;
            return m;
          }
          if (first === "?") {
            if (esc) {
              return esc + first + (rest ? QMARK.repeat(rest.length) : "");
            }
            if (index === 0) {
              return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : "");
            }
            return QMARK.repeat(chars.length);
          }
          if (first === ".") {
            return DOT_LITERAL.repeat(chars.length);
          }
          if (first === "*") {
            if (esc) {
              return esc + first + (rest ? star : "");
            }
            return star;
          }
          return esc ? m : `\\${m}`;
        });
        if (backslashes === true) {
          if (opts.unescape === true) {
            output = output.replace(/\\/g, "");
          } else {
            output = output.replace(/\\+/g, (m) => {
              return m.length % 2 === 0 ? "\\\\" : m ? "\\" : "";
            });
          }
        }
        if (output === input && opts.contains === true) {
          state.output = input;
          return state;
        }
        state.output = utils.wrapOutput(output, state, options);
        return state;
      }
      while (!eos()) {
        value = advance();
        if (value === "\0") {
          continue;
        }
        if (value === "\\") {
          const next = peek();
          if (next === "/" && opts.bash !== true) {
            continue;
          }
          if (next === "." || next === ";") {
            continue;
          }
          if (!next) {
            value += "\\";
            push({ type: "text", value });
            continue;
          }
          const match = /^\\+/.exec(remaining());
          let slashes = 0;
          if (match && match[0].length > 2) {
            slashes = match[0].length;
            state.index += slashes;
            if (slashes % 2 !== 0) {
              value += "\\";
            }
          }
          if (opts.unescape === true) {
            value = advance();
          } else {
            value += advance();
          }
          if (state.brackets === 0) {
            push({ type: "text", value });
            continue;
          }
        }
        if (state.brackets > 0 && (value !== "]" || prev.value === "[" || prev.value === "[^")) {
          if (opts.posix !== false && value === ":") {
            const inner = prev.value.slice(1);
            if (inner.includes("[")) {
              prev.posix = true;
              if (inner.includes(":")) {
                const idx = prev.value.lastIndexOf("[");
                const pre = prev.value.slice(0, idx);
                const rest2 = prev.value.slice(idx + 2);
                const posix = POSIX_REGEX_SOURCE[rest2];
                if (posix) {
                  prev.value = pre + posix;
                  state.backtrack = true;
                  advance();
                  if (!bos.output && tokens.indexOf(prev) === 1) {
                    bos.output = ONE_CHAR;
                  }
                  continue;
                }
              }
            }
          }
          if (value === "[" && peek() !== ":" || value === "-" && peek() === "]") {
            value = `\\${value}`;
          }
          if (value === "]" && (prev.value === "[" || prev.value === "[^")) {
            value = `\\${value}`;
          }
          if (opts.posix === true && value === "!" && prev.value === "[") {
            value = "^";
          }
          prev.value += value;
          append({ value });
          continue;
        }
        if (state.quotes === 1 && value !== '"') {
          value = utils.escapeRegex(value);
          prev.value += value;
          append({ value });
          continue;
        }
        if (value === '"') {
          state.quotes = state.quotes === 1 ? 0 : 1;
          if (opts.keepQuotes === true) {
            push({ type: "text", value });
          }
          continue;
        }
        if (value === "(") {
          increment("parens");
          push({ type: "paren", value });
          continue;
        }
        if (value === ")") {
          if (state.parens === 0 && opts.strictBrackets === true) {
            throw new SyntaxError(syntaxError("opening", "("));
          }
          const extglob = extglobs[extglobs.length - 1];
          if (extglob && state.parens === extglob.parens + 1) {
            extglobClose(extglobs.pop());
            continue;
          }
          push({ type: "paren", value, output: state.parens ? ")" : "\\)" });
          decrement("parens");
          continue;
        }
        if (value === "[") {
          if (opts.nobracket === true || !remaining().includes("]")) {
            if (opts.nobracket !== true && opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("closing", "]"));
            }
            value = `\\${value}`;
          } else {
            increment("brackets");
          }
          push({ type: "bracket", value });
          continue;
        }
        if (value === "]") {
          if (opts.nobracket === true || prev && prev.type === "bracket" && prev.value.length === 1) {
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          if (state.brackets === 0) {
            if (opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("opening", "["));
            }
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          decrement("brackets");
          const prevValue = prev.value.slice(1);
          if (prev.posix !== true && prevValue[0] === "^" && !prevValue.includes("/")) {
            value = `/${value}`;
          }
          prev.value += value;
          append({ value });
          if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
            continue;
          }
          const escaped = utils.escapeRegex(prev.value);
          state.output = state.output.slice(0, -prev.value.length);
          if (opts.literalBrackets === true) {
            state.output += escaped;
            prev.value = escaped;
            continue;
          }
          prev.value = `(${capture}${escaped}|${prev.value})`;
          state.output += prev.value;
          continue;
        }
        if (value === "{" && opts.nobrace !== true) {
          increment("braces");
          const open = {
            type: "brace",
            value,
            output: "(",
            outputIndex: state.output.length,
            tokensIndex: state.tokens.length
          };
          braces.push(open);
          push(open);
          continue;
        }
        if (value === "}") {
          const brace = braces[braces.length - 1];
          if (opts.nobrace === true || !brace) {
            push({ type: "text", value, output: value });
            continue;
          }
          let output = ")";
          if (brace.dots === true) {
            const arr = tokens.slice();
            const range = [];
            for (let i = arr.length - 1; i >= 0; i--) {
              tokens.pop();
              if (arr[i].type === "brace") {
                break;
              }
              if (arr[i].type !== "dots") {
                range.unshift(arr[i].value);
              }
            }
            output = expandRange(range, opts);
            state.backtrack = true;
          }
          if (brace.comma !== true && brace.dots !== true) {
            const out = state.output.slice(0, brace.outputIndex);
            const toks = state.tokens.slice(brace.tokensIndex);
            brace.value = brace.output = "\\{";
            value = output = "\\}";
            state.output = out;
            for (const t of toks) {
              state.output += t.output || t.value;
            }
          }
          push({ type: "brace", value, output });
          decrement("braces");
          braces.pop();
          continue;
        }
        if (value === "|") {
          if (extglobs.length > 0) {
            extglobs[extglobs.length - 1].conditions++;
          }
          push({ type: "text", value });
          continue;
        }
        if (value === ",") {
          let output = value;
          const brace = braces[braces.length - 1];
          if (brace && stack[stack.length - 1] === "braces") {
            brace.comma = true;
            output = "|";
          }
          push({ type: "comma", value, output });
          continue;
        }
        if (value === "/") {
          if (prev.type === "dot" && state.index === state.start + 1) {
            state.start = state.index + 1;
            state.consumed = "";
            state.output = "";
            tokens.pop();
            prev = bos;
            continue;
          }
          push({ type: "slash", value, output: SLASH_LITERAL });
          continue;
        }
        if (value === ".") {
          if (state.braces > 0 && prev.type === "dot") {
            if (prev.value === ".") prev.output = DOT_LITERAL;
            const brace = braces[braces.length - 1];
            prev.type = "dots";
            prev.output += value;
            prev.value += value;
            brace.dots = true;
            continue;
          }
          if (state.braces + state.parens === 0 && prev.type !== "bos" && prev.type !== "slash") {
            push({ type: "text", value, output: DOT_LITERAL });
            continue;
          }
          push({ type: "dot", value, output: DOT_LITERAL });
          continue;
        }
        if (value === "?") {
          const isGroup = prev && prev.value === "(";
          if (!isGroup && opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("qmark", value);
            continue;
          }
          if (prev && prev.type === "paren") {
            const next = peek();
            let output = value;
            if (prev.value === "(" && !/[!=<:]/.test(next) || next === "<" && !/<([!=]|\w+>)/.test(remaining())) {
              output = `\\${value}`;
            }
            push({ type: "text", value, output });
            continue;
          }
          if (opts.dot !== true && (prev.type === "slash" || prev.type === "bos")) {
            push({ type: "qmark", value, output: QMARK_NO_DOT });
            continue;
          }
          push({ type: "qmark", value, output: QMARK });
          continue;
        }
        if (value === "!") {
          if (opts.noextglob !== true && peek() === "(") {
            if (peek(2) !== "?" || !/[!=<:]/.test(peek(3))) {
              extglobOpen("negate", value);
              continue;
            }
          }
          if (opts.nonegate !== true && state.index === 0) {
            negate();
            continue;
          }
        }
        if (value === "+") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("plus", value);
            continue;
          }
          if (prev && prev.value === "(" || opts.regex === false) {
            push({ type: "plus", value, output: PLUS_LITERAL });
            continue;
          }
          if (prev && (prev.type === "bracket" || prev.type === "paren" || prev.type === "brace") || state.parens > 0) {
            push({ type: "plus", value });
            continue;
          }
          push({ type: "plus", value: PLUS_LITERAL });
          continue;
        }
        if (value === "@") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            push({ type: "at", extglob: true, value, output: "" });
            continue;
          }
          push({ type: "text", value });
          continue;
        }
        if (value !== "*") {
          if (value === "$" || value === "^") {
            value = `\\${value}`;
          }
          const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
          if (match) {
            value += match[0];
            state.index += match[0].length;
          }
          push({ type: "text", value });
          continue;
        }
        if (prev && (prev.type === "globstar" || prev.star === true)) {
          prev.type = "star";
          prev.star = true;
          prev.value += value;
          prev.output = star;
          state.backtrack = true;
          state.globstar = true;
          consume(value);
          continue;
        }
        let rest = remaining();
        if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
          extglobOpen("star", value);
          continue;
        }
        if (prev.type === "star") {
          if (opts.noglobstar === true) {
            consume(value);
            continue;
          }
          const prior = prev.prev;
          const before = prior.prev;
          const isStart = prior.type === "slash" || prior.type === "bos";
          const afterStar = before && (before.type === "star" || before.type === "globstar");
          if (opts.bash === true && (!isStart || rest[0] && rest[0] !== "/")) {
            push({ type: "star", value, output: "" });
            continue;
          }
          const isBrace = state.braces > 0 && (prior.type === "comma" || prior.type === "brace");
          const isExtglob = extglobs.length && (prior.type === "pipe" || prior.type === "paren");
          if (!isStart && prior.type !== "paren" && !isBrace && !isExtglob) {
            push({ type: "star", value, output: "" });
            continue;
          }
          while (rest.slice(0, 3) === "/**") {
            const after = input[state.index + 4];
            if (after && after !== "/") {
              break;
            }
            rest = rest.slice(3);
            consume("/**", 3);
          }
          const isEnd = eos() || state.parens > 0 && rest === ")".repeat(state.parens) && !extglobs.some((extglob) => extglob.type === "negate");
          if (prior.type === "bos" && eos()) {
            prev.type = "globstar";
            prev.value += value;
            prev.output = globstar(opts);
            state.output = prev.output;
            state.globstar = true;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && !afterStar && isEnd) {
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = globstar(opts) + (opts.strictSlashes ? ")" : "|$)");
            prev.value += value;
            state.globstar = true;
            state.output += prior.output + prev.output;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && rest[0] === "/") {
            const end = rest[1] !== void 0 ? "|$" : "";
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
            prev.value += value;
            state.output += prior.output + prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          if (prior.type === "bos" && rest[0] === "/") {
            prev.type = "globstar";
            prev.value += value;
            prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
            state.output = prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          state.output = state.output.slice(0, -prev.output.length);
          prev.type = "globstar";
          prev.output = globstar(opts);
          prev.value += value;
          state.output += prev.output;
          state.globstar = true;
          consume(value);
          continue;
        }
        const token = { type: "star", value, output: star };
        if (opts.bash === true) {
          token.output = ".*?";
          if (prev.type === "bos" || prev.type === "slash") {
            token.output = nodot + token.output;
          }
          push(token);
          continue;
        }
        if (prev && (prev.type === "bracket" || prev.type === "paren") && opts.regex === true) {
          token.output = value;
          push(token);
          continue;
        }
        if (state.index === state.start || prev.type === "slash" || prev.type === "dot") {
          if (prev.type === "dot") {
            state.output += NO_DOT_SLASH;
            prev.output += NO_DOT_SLASH;
          } else if (opts.dot === true) {
            state.output += NO_DOTS_SLASH;
            prev.output += NO_DOTS_SLASH;
          } else {
            state.output += nodot;
            prev.output += nodot;
          }
          if (peek() !== "*") {
            state.output += ONE_CHAR;
            prev.output += ONE_CHAR;
          }
        }
        push(token);
      }
      while (state.brackets > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "]"));
        state.output = utils.escapeLast(state.output, "[");
        decrement("brackets");
      }
      while (state.parens > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", ")"));
        state.output = utils.escapeLast(state.output, "(");
        decrement("parens");
      }
      while (state.braces > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "}"));
        state.output = utils.escapeLast(state.output, "{");
        decrement("braces");
      }
      if (opts.strictSlashes !== true && (prev.type === "star" || prev.type === "bracket")) {
        push({ type: "maybe_slash", value: "", output: `${SLASH_LITERAL}?` });
      }
      if (state.backtrack === true) {
        state.output = "";
        for (const token of state.tokens) {
          state.output += token.output != null ? token.output : token.value;
          if (token.suffix) {
            state.output += token.suffix;
          }
        }
      }
      return state;
    };
    parse.fastpaths = (input, options) => {
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      const len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      input = REPLACEMENTS[input] || input;
      const {
        DOT_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOTS,
        NO_DOTS_SLASH,
        STAR,
        START_ANCHOR
      } = constants.globChars(opts.windows);
      const nodot = opts.dot ? NO_DOTS : NO_DOT;
      const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
      const capture = opts.capture ? "" : "?:";
      const state = { negated: false, prefix: "" };
      let star = opts.bash === true ? ".*?" : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      const globstar = (opts2) => {
        if (opts2.noglobstar === true) return star;
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const create = (str) => {
        switch (str) {
          case "*":
            return `${nodot}${ONE_CHAR}${star}`;
          case ".*":
            return `${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*.*":
            return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*/*":
            return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;
          case "**":
            return nodot + globstar(opts);
          case "**/*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;
          case "**/*.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "**/.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;
          default: {
            const match = /^(.*?)\.(\w+)$/.exec(str);
            if (!match) return;
            const source2 = create(match[1]);
            if (!source2) return;
            return source2 + DOT_LITERAL + match[2];
          }
        }
      };
      const output = utils.removePrefix(input, state);
      let source = create(output);
      if (source && opts.strictSlashes !== true) {
        source += `${SLASH_LITERAL}?`;
      }
      return source;
    };
    module.exports = parse;
  }
});

// node_modules/picomatch/lib/picomatch.js
var require_picomatch = __commonJS({
  "node_modules/picomatch/lib/picomatch.js"(exports, module) {
    "use strict";
    var scan = require_scan();
    var parse = require_parse();
    var utils = require_utils();
    var constants = require_constants();
    var isObject = (val) => val && typeof val === "object" && !Array.isArray(val);
    var picomatch3 = (glob, options, returnState = false) => {
      if (Array.isArray(glob)) {
        const fns = glob.map((input) => picomatch3(input, options, returnState));
        const arrayMatcher = (str) => {
          for (const isMatch of fns) {
            const state2 = isMatch(str);
            if (state2) return state2;
          }
          return false;
        };
        return arrayMatcher;
      }
      const isState = isObject(glob) && glob.tokens && glob.input;
      if (glob === "" || typeof glob !== "string" && !isState) {
        throw new TypeError("Expected pattern to be a non-empty string");
      }
      const opts = options || {};
      const posix = opts.windows;
      const regex = isState ? picomatch3.compileRe(glob, options) : picomatch3.makeRe(glob, options, false, true);
      const state = regex.state;
      delete regex.state;
      let isIgnored = () => false;
      if (opts.ignore) {
        const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
        isIgnored = picomatch3(opts.ignore, ignoreOpts, returnState);
      }
      const matcher = (input, returnObject = false) => {
        const { isMatch, match, output } = picomatch3.test(input, regex, options, { glob, posix });
        const result = { glob, state, regex, posix, input, output, match, isMatch };
        if (typeof opts.onResult === "function") {
          opts.onResult(result);
        }
        if (isMatch === false) {
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (isIgnored(input)) {
          if (typeof opts.onIgnore === "function") {
            opts.onIgnore(result);
          }
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (typeof opts.onMatch === "function") {
          opts.onMatch(result);
        }
        return returnObject ? result : true;
      };
      if (returnState) {
        matcher.state = state;
      }
      return matcher;
    };
    picomatch3.test = (input, regex, options, { glob, posix } = {}) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected input to be a string");
      }
      if (input === "") {
        return { isMatch: false, output: "" };
      }
      const opts = options || {};
      const format = opts.format || (posix ? utils.toPosixSlashes : null);
      let match = input === glob;
      let output = match && format ? format(input) : input;
      if (match === false) {
        output = format ? format(input) : input;
        match = output === glob;
      }
      if (match === false || opts.capture === true) {
        if (opts.matchBase === true || opts.basename === true) {
          match = picomatch3.matchBase(input, regex, options, posix);
        } else {
          match = regex.exec(output);
        }
      }
      return { isMatch: Boolean(match), match, output };
    };
    picomatch3.matchBase = (input, glob, options, posix = options && options.windows) => {
      const regex = glob instanceof RegExp ? glob : picomatch3.makeRe(glob, options);
      return regex.test(utils.basename(input, { windows: posix }));
    };
    picomatch3.isMatch = (str, patterns, options) => picomatch3(patterns, options)(str);
    picomatch3.parse = (pattern, options) => {
      if (Array.isArray(pattern)) return pattern.map((p) => picomatch3.parse(p, options));
      return parse(pattern, { ...options, fastpaths: false });
    };
    picomatch3.scan = (input, options) => scan(input, options);
    picomatch3.compileRe = (state, options, returnOutput = false, returnState = false) => {
      if (returnOutput === true) {
        return state.output;
      }
      const opts = options || {};
      const prepend = opts.contains ? "" : "^";
      const append = opts.contains ? "" : "$";
      let source = `${prepend}(?:${state.output})${append}`;
      if (state && state.negated === true) {
        source = `^(?!${source}).*$`;
      }
      const regex = picomatch3.toRegex(source, options);
      if (returnState === true) {
        regex.state = state;
      }
      return regex;
    };
    picomatch3.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
      if (!input || typeof input !== "string") {
        throw new TypeError("Expected a non-empty string");
      }
      let parsed = { negated: false, fastpaths: true };
      if (options.fastpaths !== false && (input[0] === "." || input[0] === "*")) {
        parsed.output = parse.fastpaths(input, options);
      }
      if (!parsed.output) {
        parsed = parse(input, options);
      }
      return picomatch3.compileRe(parsed, options, returnOutput, returnState);
    };
    picomatch3.toRegex = (source, options) => {
      try {
        const opts = options || {};
        return new RegExp(source, opts.flags || (opts.nocase ? "i" : ""));
      } catch (err) {
        if (options && options.debug === true) throw err;
        return /$^/;
      }
    };
    picomatch3.constants = constants;
    module.exports = picomatch3;
  }
});

// node_modules/picomatch/index.js
var require_picomatch2 = __commonJS({
  "node_modules/picomatch/index.js"(exports, module) {
    "use strict";
    var pico = require_picomatch();
    var utils = require_utils();
    function picomatch3(glob, options, returnState = false) {
      if (options && (options.windows === null || options.windows === void 0)) {
        options = { ...options, windows: utils.isWindows() };
      }
      return pico(glob, options, returnState);
    }
    Object.assign(picomatch3, pico);
    module.exports = picomatch3;
  }
});

// src/analyze/rule.ts
function effectiveSettings(rules, preset, settings) {
  const out = {};
  if (preset) {
    for (const r of rules) if (r.presets?.includes(preset)) out[r.id] = "on";
  }
  return { ...out, ...settings };
}

// src/discover/changes.ts
function applyChanges(sets, changes, baseSets, sameStatements2 = (a, b) => a === b) {
  const byPath = new Map(changes.map((c) => [c.path, c]));
  const baseByKey = /* @__PURE__ */ new Map();
  for (const set of baseSets ?? []) for (const m of set.migrations) baseByKey.set(setKey(set, m.up.path), m);
  const findings = [];
  const claimedDeletions = /* @__PURE__ */ new Set();
  const result = sets.map((set) => {
    const moved = baseSets ? movedWhole(set, sets, baseSets) : void 0;
    const migrations = set.migrations.map((m) => {
      const carried = moved?.get(m.up.path);
      if (carried) {
        for (const p of [carried.up.path, carried.down?.path]) if (p !== void 0) claimedDeletions.add(p);
        return { ...m, change: "unchanged" };
      }
      const marked = mark(m, byPath, baseByKey.get(setKey(set, m.up.path)) ?? baseByKey.get(setKey(set, byPath.get(m.up.path)?.previousPath ?? "")), sameStatements2);
      if (marked.upEdited && !m.repeatable) findings.push(migrationEdited(marked.migration, marked.migration.change));
      return marked.migration;
    });
    return { ...set, migrations };
  });
  for (const change of changes) {
    if (change.status !== "deleted" || claimedDeletions.has(change.path)) continue;
    const fromBase = baseSets ? findBase(baseSets, change.path) : null;
    const target = fromBase ? result.find((s) => s.dir === fromBase.set.dir && s.layout === fromBase.set.layout) : result.find((s) => parentOf(change.path) === s.dir || parentOf(parentOf(change.path)) === s.dir);
    if (fromBase === null && (!target || !/\.sql$/i.test(change.path))) continue;
    if (fromBase && fromBase.migration.up.path !== change.path) continue;
    const deleted = fromBase ? { ...fromBase.migration, change: "deleted" } : deletedStub(change.path, target);
    claimedDeletions.add(change.path);
    findings.push(migrationEdited(deleted, "deleted"));
    if (target) target.migrations = insertByBaseOrder(target.migrations, deleted, fromBase?.set.migrations ?? null);
    else result.push({ dir: fromBase.set.dir, layout: fromBase.set.layout, migrations: [deleted] });
  }
  for (const set of result) findings.push(...outOfOrder(set, baseSets ? baseSets.filter((b) => b.dir === set.dir && b.layout === set.layout) : null));
  return { sets: result, findings };
}
function movedWhole(set, heads, baseSets) {
  const sameFolder = (a, b) => a.dir === b.dir;
  if (baseSets.some((b) => sameFolder(b, set))) return void 0;
  const within = (dir, path2) => path2 === void 0 ? void 0 : dir === "" ? path2 : path2.slice(dir.length + 1);
  const byName = new Map(set.migrations.map((m) => [within(set.dir, m.up.path), m]));
  for (const base of baseSets) {
    if (base.migrations.length === 0 || heads.some((h) => sameFolder(h, base))) continue;
    const pairs = /* @__PURE__ */ new Map();
    for (const b of base.migrations) {
      const h = byName.get(within(base.dir, b.up.path));
      if (!h || h.up.text !== b.up.text || within(set.dir, h.down?.path) !== within(base.dir, b.down?.path) || (h.down?.text ?? "") !== (b.down?.text ?? "")) break;
      pairs.set(h.up.path, b);
    }
    if (pairs.size === base.migrations.length) return pairs;
  }
  return void 0;
}
function setKey(set, upPath) {
  return `${set.dir}\0${set.layout}\0${upPath}`;
}
function mark(m, byPath, base, sameStatements2) {
  const up = byPath.get(m.up.path);
  const down = m.down && m.down.path !== m.up.path ? byPath.get(m.down.path) : void 0;
  const baseDown = base?.down && base.down.path !== base.up.path ? byPath.get(base.down.path) : void 0;
  let change = "unchanged";
  let upEdited = false;
  let upAsBase = false;
  if (up?.status === "added" && !base) change = "added";
  else if (up?.status === "renamed") {
    change = "renamed";
    upEdited = true;
  } else if (up) {
    change = "modified";
    const oneFile = m.down?.path === m.up.path;
    const checksummed = CHECKSUM_REFUSAL[m.layout] !== void 0;
    upAsBase = !!base && (sameSql(base.up.text, m.up.text) || sameStatements2(base.up.text, m.up.text, m.layout));
    if (!base) upEdited = true;
    else if (checksummed) upEdited = oneFile ? !sameSql(base.up.text, m.up.text) : base.up.text !== m.up.text;
    else upEdited = !upAsBase;
  } else if (down || baseDown) {
    change = "modified";
    upAsBase = true;
  }
  if (change === "modified" && upAsBase && !upEdited && !rollbackChanged(m, base, down ?? baseDown, sameStatements2)) change = "unchanged";
  const migration = {
    ...m,
    change,
    ...up?.status === "renamed" && up.previousPath ? { previousPath: up.previousPath } : {},
    ...upAsBase ? { upAsBase: true } : {}
  };
  return { migration, upEdited };
}
function rollbackChanged(m, base, downChange, sameStatements2) {
  if (m.down?.path !== m.up.path) return downChange !== void 0;
  const before = base?.down?.text ?? "";
  const after = m.down?.text ?? "";
  return !(sameSql(before, after) || sameStatements2(before, after, m.layout));
}
function sameSql(a, b) {
  return a.replace(/\s+/g, " ").trim() === b.replace(/\s+/g, " ").trim();
}
function findBase(baseSets, path2) {
  for (const set of baseSets) {
    for (const migration of set.migrations) {
      if (migration.up.path === path2 || migration.down?.path === path2) return { set, migration };
    }
  }
  return null;
}
function deletedStub(path2, set) {
  const name = path2.slice(path2.lastIndexOf("/") + 1).replace(/\.sql$/i, "");
  return {
    id: name,
    version: name,
    name,
    layout: set.layout,
    dir: set.dir,
    up: { path: path2, text: "" },
    down: null,
    rollbackStatus: "not-required",
    transaction: "none",
    change: "deleted"
  };
}
function insertByBaseOrder(migrations, deleted, baseOrder) {
  const out = [...migrations];
  if (baseOrder) {
    const i = baseOrder.findIndex((m) => m.up.path === deleted.up.path);
    for (let j = i - 1; j >= 0; j--) {
      const at = out.findIndex((m) => m.up.path === baseOrder[j].up.path || m.id === baseOrder[j].id);
      if (at >= 0) {
        out.splice(at + 1, 0, deleted);
        return out;
      }
    }
    out.unshift(deleted);
    return out;
  }
  out.push(deleted);
  return out;
}
function outOfOrder(set, base) {
  const basePaths = base ? new Set(base.flatMap((s) => s.migrations.map((m) => m.up.path))) : null;
  const existing = (m) => !m.repeatable && m.change !== "deleted" && m.change !== "added" && (basePaths === null || basePaths.has(m.up.path) || m.change === "renamed");
  const findings = [];
  set.migrations.forEach((m, i) => {
    if (m.change !== "added" || m.repeatable) return;
    const later = set.migrations.slice(i + 1).find((o) => existing(o) && o.change !== "renamed");
    if (later) findings.push(migrationOutOfOrder(m, later));
  });
  return findings;
}
function parentOf(path2) {
  const i = path2.lastIndexOf("/");
  return i < 0 ? "" : path2.slice(0, i);
}

// src/discover/version.ts
function compareDigits(a, b) {
  const x = a.replace(/^0+(?=\d)/, "");
  const y = b.replace(/^0+(?=\d)/, "");
  if (x.length !== y.length) return x.length - y.length;
  return x < y ? -1 : x > y ? 1 : 0;
}
function compareVersions(a, b) {
  const pa = splitVersion(a);
  const pb = splitVersion(b);
  const n = Math.max(pa.parts.length, pb.parts.length);
  for (let i = 0; i < n; i++) {
    const c = compareDigits(pa.parts[i] ?? "0", pb.parts[i] ?? "0");
    if (c !== 0) return c;
  }
  if (pa.pre === pb.pre) return 0;
  if (pa.pre === "") return 1;
  if (pb.pre === "") return -1;
  return naturalCompare(pa.pre, pb.pre);
}
function splitVersion(v) {
  const m = /^[vV]?(\d+(?:[._]\d+)*)(?:[-+]?(.*))?$/s.exec(v);
  if (!m) return { parts: [], pre: v };
  const parts = m[1].split(/[._]/);
  while (parts.length > 1 && /^0+$/.test(parts[parts.length - 1])) parts.pop();
  return { parts, pre: m[2] ?? "" };
}
function naturalCompare(a, b) {
  const ta = a.match(/\d+|\D+/g) ?? [];
  const tb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(ta.length, tb.length); i++) {
    const x = ta[i];
    const y = tb[i];
    const c = /^\d/.test(x) && /^\d/.test(y) ? compareDigits(x, y) : x < y ? -1 : x > y ? 1 : 0;
    if (c !== 0) return c;
  }
  return ta.length - tb.length || (a < b ? -1 : a > b ? 1 : 0);
}
function byteCompare(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// src/discover/text.ts
var decoder = new TextDecoder("utf-8");
function decodeText(bytes) {
  const text = typeof bytes === "string" ? bytes : decoder.decode(bytes);
  return text.charCodeAt(0) === 65279 ? text.slice(1) : text;
}
function keepRanges(text, keep) {
  const sorted = [...keep].sort((a, b) => a[0] - b[0]);
  let out = "";
  let pos = 0;
  for (const [start, end] of sorted) {
    const s = Math.max(start, pos);
    const e = Math.min(Math.max(end, s), text.length);
    out += blank(text.slice(pos, s)) + text.slice(s, e);
    pos = e;
  }
  return out + blank(text.slice(pos));
}
function blank(segment) {
  return segment.replace(/[^\r\n]/g, " ");
}
function lines(text) {
  const result = [];
  const re = /\r?\n|\r/g;
  let start = 0;
  let number = 1;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    result.push({ number, start, end: m.index, text: text.slice(start, m.index) });
    start = m.index + m[0].length;
    number++;
  }
  result.push({ number, start, end: text.length, text: text.slice(start) });
  return result;
}
function lfLines(text) {
  const result = [];
  let start = 0;
  let number = 1;
  for (; ; ) {
    const nl = text.indexOf("\n", start);
    const stop = nl < 0 ? text.length : nl;
    const end = stop > start && text.charCodeAt(stop - 1) === 13 ? stop - 1 : stop;
    result.push({ number, start, end, text: text.slice(start, end) });
    if (nl < 0) return result;
    start = nl + 1;
    number++;
  }
}
function isBlankSql(text) {
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === "-" && text[i + 1] === "-") {
      const nl = text.indexOf("\n", i);
      i = nl < 0 ? text.length : nl + 1;
    } else if (c === "/" && text[i + 1] === "*") {
      let depth = 1;
      i += 2;
      while (i < text.length && depth > 0) {
        if (text[i] === "/" && text[i + 1] === "*") depth++, i += 2;
        else if (text[i] === "*" && text[i + 1] === "/") depth--, i += 2;
        else i++;
      }
    } else if (/\s|;/.test(c)) {
      i++;
    } else {
      return false;
    }
  }
  return true;
}

// src/discover/layouts/types.ts
function repoPath(dir, rel) {
  return dir ? `${dir}/${rel}` : rel;
}
function directFiles(folder) {
  return folder.files.filter((f) => !f.includes("/"));
}
function sqlFiles(files) {
  return files.filter((f) => /\.sql$/i.test(f));
}
function coverage(files, test) {
  if (files.length === 0) return 0;
  return files.filter(test).length / files.length;
}
function baseName(path2) {
  return path2.slice(path2.lastIndexOf("/") + 1);
}
function emptyBuild() {
  return { migrations: [], orphans: [], leftovers: [], issues: [] };
}

// src/discover/layouts/liquibase-sql.ts
var HEADER = /^\s*--\s*liquibase\s+formatted\s+sql\b/i;
var CHANGESET = /^\s*--\s*changeset\s+(\S+)(.*)$/i;
var ROLLBACK_LINE = /^(\s*--\s*rollback\b\s?)(.*)$/i;
var ROLLBACK_BLOCK_START = /^\s*\/\*\s*liquibase\s+rollback\b/i;
var BLOCK_HEADER = /\/\*\s*liquibase\s+rollback\b/iy;
var CHANGESET_ANYWHERE = /^[ \t]*--[ \t]*changeset[ \t]+[^\s:]+:\S/im;
var PRECONDITION = /^\s*--\s*precondition-([a-zA-Z0-9-]+) (.*)$/i;
var PROPERTY_START = /^\s*--\s*property\s/i;
var SQL_CHECK_BODY = [/^(?:expectedResult:)?(\w+) (.*)$/i, /^(?:expectedResult:)?'([^']+)' (.*)$/i, /^(?:expectedResult:)?"([^"]+)" (.*)$/i];
function isEmptyRollback(sql) {
  let t = sql.trim();
  if (t.endsWith(";")) t = t.slice(0, -1).trimEnd();
  return /^empty$/i.test(t) || /^not\s+required$/i.test(t);
}
function isLiquibaseSql(text) {
  const first = text.split(/\r?\n/).find((l) => l.trim() !== "");
  return first !== void 0 && HEADER.test(first) || CHANGESET_ANYWHERE.test(text);
}
var liquibaseSql = {
  name: "liquibase-sql",
  rollbacks: "when-used",
  async detect(folder) {
    const files = sqlFiles(folder.files);
    const texts = await Promise.all(files.map((f) => folder.read(f)));
    return coverage(texts, isLiquibaseSql);
  },
  async build(folder) {
    const out = emptyBuild();
    const files = [...sqlFiles(folder.files)].sort(byteCompare);
    for (const file of files) {
      const text = await folder.read(file);
      out.migrations.push(parseChangelog(text, repoPath(folder.dir, file), file, out.issues));
    }
    return out;
  }
};
function sqlCheck(line) {
  const m = PRECONDITION.exec(line);
  if (!m || m[1] !== "sql-check") return null;
  const end = javaTrimmedEnd(line);
  let from = line.length - m[2].length;
  while (from < end && line.charCodeAt(from) <= 32) from++;
  const body = line.slice(from, end);
  for (const pattern of SQL_CHECK_BODY) {
    const b = pattern.exec(body);
    if (b) return { start: end - b[2].length, end, sql: b[2] };
  }
  return null;
}
var JAVA_SPACE = /[ \t\n\x0B\f\r]/;
function propertyOf(line) {
  const start = PROPERTY_START.exec(line);
  if (!start) return null;
  const rest = line.slice(start[0].length - 1);
  const colon = rest.indexOf(":");
  let blank2 = colon + 1;
  while (colon >= 0 && blank2 < rest.length && !JAVA_SPACE.test(rest[blank2])) blank2++;
  if (colon < 0 || blank2 >= rest.length || rest.indexOf(":", blank2 + 1) < 0) return null;
  const name = lastWordAfter(line, /name:/gi);
  const value = lastWordAfter(line, /value:/gi);
  return name !== null && value !== null ? { name, value } : null;
}
function lastWordAfter(line, key) {
  const ends = [];
  for (let m = key.exec(line); m; m = key.exec(line)) ends.push(m.index + m[0].length);
  for (let i = ends.length - 1; i >= 0; i--) {
    let at = ends[i];
    while (at < line.length && JAVA_SPACE.test(line[at])) at++;
    let end = at;
    while (end < line.length && !JAVA_SPACE.test(line[end])) end++;
    if (end > at) return line.slice(at, end);
  }
  return null;
}
function javaTrimmedEnd(text) {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) <= 32) end--;
  return end;
}
function isolable(sql) {
  const rest = sql.replace(/\$\{[A-Za-z_][A-Za-z0-9_.\-]*\}/g, "x");
  if (/;|--|\/\*|\*\/|\\|\$/.test(rest)) return false;
  return (rest.split("'").length - 1) % 2 === 0 && (rest.split('"').length - 1) % 2 === 0;
}
function parseChangelog(text, path2, rel, issues) {
  const changesets = [];
  const rollbackLines = [];
  const rollbackSql = [];
  const checks = [];
  const properties = /* @__PURE__ */ Object.create(null);
  const all = lines(text);
  for (let i = 0; i < all.length; i++) {
    const line = all[i];
    const property = propertyOf(line.text);
    if (property) {
      if (!Object.prototype.hasOwnProperty.call(properties, property.name)) properties[property.name] = property.value;
      continue;
    }
    const check = sqlCheck(line.text);
    if (check) {
      if (isolable(check.sql)) checks.push({ start: line.start, end: line.end, sql: check.sql });
      else issues.push({ path: rel, line: line.number, column: check.start + 1, message: "this --precondition-sql-check runs SQL that cannot be reviewed on its own (a comment, quote, semicolon or dollar sign in it could run on into the changeset's SQL); Liquibase runs it before the changeset" });
      continue;
    }
    const cs = CHANGESET.exec(line.text);
    if (cs) {
      changesets.push({ line: line.number, label: cs[1], attrs: cs[2] ?? "", hasRollback: false });
      continue;
    }
    const current = changesets[changesets.length - 1];
    const rb = ROLLBACK_LINE.exec(line.text);
    if (rb) {
      rollbackLines.push([line.start, line.end]);
      if (!isEmptyRollback(rb[2])) rollbackSql.push([line.start + rb[1].length, line.end]);
      if (current) current.hasRollback = true;
      continue;
    }
    if (ROLLBACK_BLOCK_START.test(line.text)) {
      const start = line.start + line.text.search(/\/\*/);
      BLOCK_HEADER.lastIndex = start;
      const header = BLOCK_HEADER.exec(text);
      const innerStart = start + header[0].length;
      const close = text.indexOf("*/", innerStart);
      const innerEnd = close < 0 ? text.length : close;
      const end = close < 0 ? text.length : close + 2;
      rollbackLines.push([start, end]);
      if (!isEmptyRollback(text.slice(innerStart, innerEnd))) rollbackSql.push([innerStart, innerEnd]);
      if (current) current.hasRollback = true;
      while (i + 1 < all.length && all[i + 1].start < end) i++;
    }
  }
  const upKeep = [];
  let pos = 0;
  for (const [s, e] of [...rollbackLines].sort((a, b) => a[0] - b[0])) {
    upKeep.push([pos, s]);
    pos = e;
  }
  upKeep.push([pos, text.length]);
  const anyRollback = changesets.some((c) => c.hasRollback) || rollbackLines.length > 0;
  const noTransaction = changesets.some((c) => /\brunInTransaction:\s*false\b/i.test(c.attrs));
  const repeatable = changesets.length > 0 && changesets.every((c) => /\b(runOnChange|runAlways):\s*true\b/i.test(c.attrs));
  const id = rel.replace(/\.sql$/i, "");
  return {
    id,
    version: id,
    name: baseName(id),
    up: { path: path2, text: withChecks(keepRanges(text, upKeep), checks) },
    down: anyRollback ? { path: path2, text: keepRanges(text, rollbackSql) } : null,
    ...noTransaction ? { noTransaction } : {},
    ...repeatable ? { repeatable } : {},
    ...Object.keys(properties).length > 0 ? { placeholders: properties } : {},
    ...anyRollback ? {
      partsWithoutRollback: changesets.filter((c) => !c.hasRollback).map((c) => ({ line: c.line, column: 1, label: `changeset ${c.label}` }))
    } : {}
  };
}
function withChecks(up, checks) {
  let out = up;
  for (const c of checks) out = `${out.slice(0, c.start)};${c.sql};${" ".repeat(c.end - c.start - c.sql.length - 2)}${out.slice(c.end)}`;
  return out;
}

// src/discover/layouts/plain.ts
var LEADING_VERSION = /^([vV]?\d+(?:[._]\d+)*)(?:[_\-.](.*))?$/s;
var VERSION_DIR = /^([vV]?\d+(?:\.\d+)*)\/([^/]+)\.sql$/;
var SNAPSHOT = /^(?:latest|schema|structure|baseline|current)(?:[._-][^/]*)?\.sql$/i;
function isSchemaSnapshot(file) {
  return SNAPSHOT.test(file);
}
function looksLikeMigrationName(file) {
  return /^[vV]?\d/.test(file) || /migrat|upgrade|rollback|schema/i.test(file);
}
var plain = {
  name: "plain",
  rollbacks: "never",
  async detect() {
    return 0.05;
  },
  async build(folder) {
    const out = emptyBuild();
    const entries = sqlFiles(folder.files).map((file) => {
      const inDir = VERSION_DIR.exec(file);
      if (inDir) return { file, version: inDir[1], name: inDir[2], versioned: true };
      if (file.includes("/")) return { file, version: "", name: file.slice(0, -4), versioned: false };
      const lead = file.endsWith(".sql") ? LEADING_VERSION.exec(file.slice(0, -4)) : null;
      return lead ? { file, version: lead[1], name: lead[2] ?? "", versioned: true } : { file, version: "", name: file.slice(0, -4), versioned: false };
    });
    entries.sort((a, b) => {
      if (a.versioned !== b.versioned) return a.versioned ? -1 : 1;
      return (a.versioned ? compareVersions(a.version, b.version) : 0) || naturalCompare(a.file, b.file);
    });
    const versioned = entries.some((e) => e.versioned);
    for (const e of entries) {
      if (versioned && !e.versioned && SNAPSHOT.test(e.file)) {
        (out.snapshots ??= []).push(e.file);
        continue;
      }
      out.migrations.push({
        id: e.file.slice(0, -4),
        version: e.version || e.name,
        name: e.name,
        up: { path: repoPath(folder.dir, e.file), text: await folder.read(e.file) },
        down: null
      });
    }
    return out;
  }
};

// src/discover/folders.ts
var SQITCH_SCRIPT = /^(?:(.*)\/)?(deploy|revert|verify)\/.+\.sql$/;
var PRISMA = /^(?:(.*)\/)?[^/]+\/migration\.sql$/;
var DIR_PAIR = /^(?:(.*)\/)?[^/]+\/(?:up|down)\.sql$/;
var VERSION_SUBDIR = /^(?:(.*)\/)?[vV]?\d+(?:\.\d+)*\/([^/]+\.sql)$/;
var LIQUIBASE_ROOT = /^(changelogs?|changesets?|liquibase|migrations?|db)$/i;
var TEST_DIR = /(^|\/)(tests?|__tests__|integration|e2e|specs?|fixtures?|testdata|mocks?)(\/|$)/i;
var MIGRATION_DIR = /(^|\/)[^/]*(migrat|changelog|upgrade|versioned|flyway)[^/]*(\/|$)|(^|\/)(db|schema|ddl)$/i;
function parent(path2) {
  const i = path2.lastIndexOf("/");
  return i < 0 ? "" : path2.slice(0, i);
}
function under(dir, path2) {
  if (dir === "") return path2;
  return path2.startsWith(`${dir}/`) ? path2.slice(dir.length + 1) : null;
}
async function findFolderGroups(paths, readText) {
  const all = [...paths].sort();
  const sql = all.filter((p) => /\.sql$/i.test(p));
  const claimed = /* @__PURE__ */ new Set();
  const groups = [];
  const claim = (dir, shape, accept) => {
    const files = all.flatMap((p) => {
      const rel = under(dir, p);
      return rel !== null && !claimed.has(p) && accept(rel) ? [rel] : [];
    });
    for (const rel of files) if (/\.sql$/i.test(rel)) claimed.add(dir ? `${dir}/${rel}` : rel);
    if (files.some((f) => /\.sql$/i.test(f))) groups.push({ dir, files, ...shape ? { shape } : {} });
  };
  const sqitchRoots = /* @__PURE__ */ new Set();
  for (const p of sql) {
    const m = SQITCH_SCRIPT.exec(p);
    if (!m) continue;
    const root = m[1] ?? "";
    const prefix = root ? `${root}/` : "";
    const hasDeploy = sql.some((q) => q.startsWith(`${prefix}deploy/`));
    const marked = all.includes(`${prefix}sqitch.plan`) || sql.some((q) => q.startsWith(`${prefix}revert/`));
    if (hasDeploy && marked) sqitchRoots.add(root);
  }
  for (const root of [...sqitchRoots].sort((a, b) => b.length - a.length)) {
    claim(root, "sqitch", (rel) => /^(deploy|revert|verify)\/.+\.sql$/i.test(rel) || rel === "sqitch.plan");
  }
  const prismaRoots = new Set(sql.filter((p) => !claimed.has(p)).flatMap((p) => PRISMA.test(p) ? [PRISMA.exec(p)[1] ?? ""] : []));
  for (const root of prismaRoots) {
    claim(root, "prisma", (rel) => /^[^/]+\/(migration|down)\.sql$/.test(rel) && (rel.endsWith("/migration.sql") || all.includes(`${root ? `${root}/` : ""}${parent(rel)}/migration.sql`)));
  }
  const pairRoots = new Set(sql.filter((p) => !claimed.has(p)).flatMap((p) => DIR_PAIR.test(p) ? [DIR_PAIR.exec(p)[1] ?? ""] : []));
  for (const root of pairRoots) {
    claim(root, "directory-pairs", (rel) => /^[^/]+\/((up|down)\.sql|metadata\.(toml|ya?ml))$/.test(rel));
  }
  const liquibaseRoots = /* @__PURE__ */ new Set();
  const liquibaseDirs = /* @__PURE__ */ new Set();
  for (const p of sql) {
    if (claimed.has(p) || !isLiquibaseSql(await readText(p))) continue;
    liquibaseDirs.add(parent(p));
    let dir = parent(p);
    let root = dir;
    for (let d = dir; ; d = parent(d)) {
      if (LIQUIBASE_ROOT.test(d.slice(d.lastIndexOf("/") + 1))) {
        root = d;
        break;
      }
      if (d === "") break;
    }
    liquibaseRoots.add(root);
    dir = root;
  }
  for (const root of [...liquibaseRoots].sort((a, b) => b.length - a.length)) {
    claim(root, "liquibase-sql", (rel) => /\.sql$/i.test(rel) && liquibaseDirs.has(parent(root ? `${root}/${rel}` : rel)));
  }
  const versionRoots = /* @__PURE__ */ new Map();
  for (const p of sql) {
    const m = VERSION_SUBDIR.exec(p);
    if (claimed.has(p) || !m) continue;
    const root = versionRoots.get(m[1] ?? "") ?? { unnumbered: false, dirs: /* @__PURE__ */ new Set(), pairs: false };
    if (!/^[vV]?\d/.test(m[2])) root.unnumbered = true;
    if (/\.(up|down)\.sql$/i.test(m[2])) root.pairs = true;
    root.dirs.add(parent(p));
    versionRoots.set(m[1] ?? "", root);
  }
  for (const [root, seen] of versionRoots) {
    const numbered = !seen.pairs && seen.dirs.size >= 2;
    if (!seen.unnumbered && !numbered) continue;
    claim(root, "plain", (rel) => VERSION_SUBDIR.test(rel) && (numbered || !/^[vV]?\d/.test(rel.slice(rel.indexOf("/") + 1))) || numbered && isSchemaSnapshot(rel));
  }
  const dirs = new Set(sql.filter((p) => !claimed.has(p)).map((p) => {
    const d = parent(p);
    return /(^|\/)rollbacks?$/i.test(d) && sql.some((q) => !claimed.has(q) && parent(q) === parent(d)) ? parent(d) : d;
  }));
  for (const dir of dirs) {
    claim(dir, void 0, (rel) => !rel.includes("/") || /^rollbacks?\/[^/]+\.sql$/i.test(rel) || rel === "meta/_journal.json");
  }
  return groups.sort((a, b) => a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0);
}
function looksLikeMigrationFolder(group) {
  if (MIGRATION_DIR.test(group.dir)) return true;
  if (TEST_DIR.test(group.dir)) return false;
  const files = group.files.filter((f) => /\.sql$/i.test(f));
  return files.filter((f) => looksLikeMigrationName(f.slice(f.lastIndexOf("/") + 1))).length * 2 >= files.length;
}

// src/discover/layouts/sections.ts
function findMarkers(text, re) {
  const found = [];
  for (const line of lfLines(text)) {
    const m = re.exec(line.text);
    if (m) found.push({ kind: m[1].toLowerCase().replace(/\s+/g, " "), line, rest: m[2] ?? "" });
  }
  return found;
}
function sectionTexts(text, markers, sectionKinds) {
  const starts = markers.filter((m) => sectionKinds.includes(m.kind));
  const ranges = /* @__PURE__ */ new Map();
  starts.forEach((m, i) => {
    const next = starts[i + 1];
    const range = [m.line.end, next ? next.line.start : text.length];
    ranges.set(m.kind, [...ranges.get(m.kind) ?? [], range]);
  });
  const result = /* @__PURE__ */ new Map();
  for (const [kind, rs] of ranges) result.set(kind, keepRanges(text, rs));
  return result;
}
function numberedFiles(folder, pattern, out) {
  const named = sqlFiles(directFiles(folder)).flatMap((file) => {
    const m = pattern.exec(file);
    if (!m) out.leftovers.push(file);
    return m ? [{ file, version: m[1], name: m[2] ?? "" }] : [];
  });
  return named.sort((a, b) => compareDigits(a.version, b.version) || naturalCompare(a.file, b.file));
}

// src/discover/layouts/dbmate.ts
var MARKER = /^--[\t\n\f\r ]*migrate:(up|down)((?:[\t\n\f\r ][^]*)?)$/;
var NAME = /^(\d+)(?:[_-](.*))?\.sql$/;
var dbmate = {
  name: "dbmate",
  rollbacks: "always",
  async detect(folder) {
    const files = sqlFiles(directFiles(folder));
    const texts = await Promise.all(files.map((f) => folder.read(f)));
    return coverage(texts, (t) => /^--\s*migrate:up\b/im.test(t));
  },
  async build(folder) {
    const out = emptyBuild();
    for (const { file, version, name } of numberedFiles(folder, NAME, out)) {
      const text = await folder.read(file);
      const markers = findMarkers(text, MARKER);
      const up = markers.find((m) => m.kind === "up");
      const down = markers.find((m) => m.kind === "down");
      if (!up) {
        out.issues.push({ path: file, line: 1, column: 1, message: "dbmate migration has no '-- migrate:up' section" });
      }
      const sections = sectionTexts(text, markers, ["up", "down"]);
      const path2 = repoPath(folder.dir, file);
      const noTransaction = [up, down].some((m) => m && transactionOff(m.rest));
      out.migrations.push({
        id: file.slice(0, -4),
        version,
        name,
        up: { path: path2, text: up ? sections.get("up") : text },
        down: down ? { path: path2, text: sections.get("down") } : null,
        ...noTransaction ? { noTransaction } : {},
        dupKey: version.replace(/^0+(?=\d)/, "")
      });
    }
    return out;
  }
};
function transactionOff(rest) {
  return rest.trim().split(/[\t\n\f\r ]+/).some((pair) => pair === "transaction:false");
}

// src/discover/layouts/directory-pairs.ts
var FILE = /^([^/]+)\/(up|down)\.sql$/;
var directoryPairs = {
  name: "directory-pairs",
  rollbacks: "always",
  async detect(folder) {
    return coverage(sqlFiles(folder.files), (f) => FILE.test(f));
  },
  async build(folder) {
    const out = emptyBuild();
    const byDir = /* @__PURE__ */ new Map();
    for (const file of sqlFiles(folder.files)) {
      const m = FILE.exec(file);
      if (!m) {
        out.leftovers.push(file);
        continue;
      }
      const entry = byDir.get(m[1]) ?? {};
      entry[m[2]] = file;
      byDir.set(m[1], entry);
    }
    const parsed = [...byDir.entries()].map(([id, e]) => {
      const m = /^(\d[\d-]*)(?:_(.*))?$/.exec(id);
      const version = m ? m[1] : id;
      return { id, version, key: version.replace(/-/g, ""), name: m ? m[2] ?? "" : id, numeric: m !== null, ...e };
    });
    parsed.sort(
      (a, b) => a.numeric && b.numeric ? byteCompare(a.key, b.key) || naturalCompare(a.id, b.id) : naturalCompare(a.id, b.id)
    );
    for (const e of parsed) {
      if (!e.up) {
        out.orphans.push(e.down);
        continue;
      }
      const noTransaction = await optsOutOfTransaction(folder.files, e.id, folder.read);
      out.migrations.push({
        id: e.id,
        version: e.version,
        name: e.name,
        up: { path: repoPath(folder.dir, e.up), text: await folder.read(e.up) },
        down: e.down ? { path: repoPath(folder.dir, e.down), text: await folder.read(e.down) } : null,
        ...noTransaction ? { noTransaction } : {},
        ...e.numeric ? { dupKey: e.key.replace(/^0+(?=\d)/, "") } : {}
      });
    }
    return out;
  }
};
async function optsOutOfTransaction(files, id, read) {
  if (files.includes(`${id}/metadata.toml`)) {
    if (/^[ \t]*run_in_transaction[ \t]*=[ \t]*false\b/m.test(await read(`${id}/metadata.toml`))) return true;
  }
  for (const name of ["metadata.yaml", "metadata.yml"]) {
    if (files.includes(`${id}/${name}`) && /^[ \t]*createIndexConcurrently:[ \t]*true\b/m.test(await read(`${id}/${name}`))) return true;
  }
  return false;
}

// src/discover/layouts/drizzle.ts
var NAME2 = /^(\d+)_(.+)\.sql$/;
var drizzle = {
  name: "drizzle",
  rollbacks: "never",
  async detect(folder) {
    const files = sqlFiles(directFiles(folder));
    const named = coverage(files, (f) => NAME2.test(f));
    if (folder.files.includes("meta/_journal.json") || /(^|\/)drizzle$/i.test(folder.dir)) return named;
    const texts = await Promise.all(files.map((f) => folder.read(f)));
    return texts.some((t) => t.includes("--> statement-breakpoint")) ? named : 0;
  },
  async build(folder) {
    const out = emptyBuild();
    const files = sqlFiles(directFiles(folder));
    const journal = folder.files.includes("meta/_journal.json") ? journalOrder(await folder.read("meta/_journal.json")) : [];
    const seen = /* @__PURE__ */ new Set();
    const own = new Set(files);
    journal.forEach((tag, i) => {
      const problem = !own.has(`${tag}.sql`) ? `names ${tag}.sql, which is not a migration file of this folder; drizzle runs it all the same, unreviewed` : seen.has(tag) ? `names ${tag}.sql again; drizzle runs it a second time when this entry's 'when' is newer than the last migration applied` : null;
      seen.add(tag);
      if (problem) out.issues.push({ path: "meta/_journal.json", line: 1, column: 1, message: `drizzle journal entry ${i + 1} ${problem}` });
    });
    const rank = (file) => {
      const i = journal.indexOf(file.slice(0, -4));
      return i < 0 ? Number.MAX_SAFE_INTEGER : i;
    };
    const named = files.flatMap((file) => {
      const m = NAME2.exec(file);
      if (!m) out.leftovers.push(file);
      return m ? [{ file, version: m[1], name: m[2] }] : [];
    });
    named.sort((a, b) => rank(a.file) - rank(b.file) || naturalCompare(a.file, b.file));
    for (const { file, version, name } of named) {
      out.migrations.push({
        id: baseName(file).slice(0, -4),
        version,
        name,
        up: { path: repoPath(folder.dir, file), text: await folder.read(file) },
        down: null
      });
    }
    return out;
  }
};
function journalOrder(text) {
  try {
    const journal = JSON.parse(text);
    return (Array.isArray(journal.entries) ? journal.entries : []).flatMap((e) => typeof e?.tag === "string" ? [e.tag] : []);
  } catch {
    return [];
  }
}

// src/discover/layouts/flyway.ts
var VERSIONED = /^([VU])(\d+(?:[._]\d+)*)__(.+)\.sql$/;
var REPEATABLE = /^R__(.+)\.sql$/;
var BASELINE = /^B\d+(?:[._]\d+)*__.+\.sql$/;
function flywayVersionKey(version) {
  const parts = version.split(/[._]/).map((p) => p.replace(/^0+(?=\d)/, ""));
  while (parts.length > 1 && parts[parts.length - 1] === "0") parts.pop();
  return parts.join(".");
}
var flyway = {
  name: "flyway",
  rollbacks: "when-used",
  async detect(folder) {
    return 0.9 * coverage(sqlFiles(directFiles(folder)), (f) => VERSIONED.test(f) || REPEATABLE.test(f) || BASELINE.test(f));
  },
  async build(folder) {
    const out = emptyBuild();
    const files = directFiles(folder);
    const versioned = [];
    const undo = /* @__PURE__ */ new Map();
    const repeatable = [];
    for (const file of sqlFiles(files)) {
      const v = VERSIONED.exec(file);
      const r = REPEATABLE.exec(file);
      if (v && v[1] === "V") versioned.push({ file, version: v[2], name: v[3] });
      else if (v) undo.set(flywayVersionKey(v[2]), [...undo.get(flywayVersionKey(v[2])) ?? [], file]);
      else if (r) repeatable.push({ file, name: r[1] });
      else if (BASELINE.test(file)) (out.snapshots ??= []).push(file);
      else out.leftovers.push(file);
    }
    versioned.sort((a, b) => compareVersions(a.version, b.version) || naturalCompare(a.file, b.file));
    repeatable.sort((a, b) => naturalCompare(a.name, b.name));
    const draft = async (file, fields, downFile) => {
      const conf = `${file}.conf`;
      const noTransaction = files.includes(conf) && /^[ \t]*executeInTransaction[ \t]*=[ \t]*false\b/m.test(await folder.read(conf));
      return {
        ...fields,
        up: { path: repoPath(folder.dir, file), text: await folder.read(file) },
        down: downFile ? { path: repoPath(folder.dir, downFile), text: await folder.read(downFile) } : null,
        ...noTransaction ? { noTransaction } : {}
      };
    };
    const usedUndo = /* @__PURE__ */ new Set();
    for (const m of versioned) {
      const key = flywayVersionKey(m.version);
      const downFile = undo.get(key)?.[0];
      if (downFile) usedUndo.add(key);
      out.migrations.push(
        await draft(m.file, { id: m.file.slice(0, -4), version: m.version, name: m.name, dupKey: key }, downFile)
      );
    }
    for (const [key, downFiles] of undo) if (!usedUndo.has(key)) out.orphans.push(...downFiles);
    for (const m of repeatable) {
      out.migrations.push(await draft(m.file, { id: m.file.slice(0, -4), version: "", name: m.name, repeatable: true }));
    }
    return out;
  }
};

// src/discover/layouts/golang-migrate.ts
var PAIR = /^[vV]?(\d+)(?:[._-](.*?))?\.(up|down)\.sql$/;
var RUNNER_FILE = /^(\d+)_(.*)\.(up|down)\.(.*)$/s;
var golangMigrate = {
  name: "golang-migrate",
  rollbacks: "always",
  async detect(folder) {
    return 0.9 * coverage(sqlFiles(directFiles(folder)), (f) => PAIR.test(f));
  },
  async build(folder) {
    const out = emptyBuild();
    const byId = /* @__PURE__ */ new Map();
    const sql = new Set(sqlFiles(directFiles(folder)));
    for (const file of directFiles(folder)) {
      const m = sql.has(file) ? PAIR.exec(file) : RUNNER_FILE.exec(file);
      if (!m) {
        if (sql.has(file)) out.leftovers.push(file);
        continue;
      }
      const id = sql.has(file) ? file.slice(0, -`.${m[3]}.sql`.length) : file.slice(0, -`.${m[3]}.${m[4]}`.length);
      const entry = byId.get(id) ?? { version: m[1], name: m[2] ?? "" };
      entry[m[3]] = file;
      byId.set(id, entry);
    }
    const ordered = [...byId.entries()].sort(
      ([ia, a], [ib, b]) => compareDigits(a.version, b.version) || naturalCompare(ia, ib)
    );
    for (const [id, e] of ordered) {
      if (!e.up) {
        out.orphans.push(e.down);
        continue;
      }
      out.migrations.push({
        id,
        version: e.version,
        name: e.name,
        up: { path: repoPath(folder.dir, e.up), text: await folder.read(e.up) },
        down: e.down ? { path: repoPath(folder.dir, e.down), text: await folder.read(e.down) } : null,
        dupKey: e.version.replace(/^0+(?=\d)/, "")
      });
    }
    return out;
  }
};

// src/discover/layouts/goose.ts
var MARKER2 = /^--\s*\+goose\s+(up|down|statementbegin|statementend|no\s+transaction|envsub\s+on|envsub\s+off)\b(.*)$/i;
var NAME3 = /^(\d+)(?:[_-](.*))?\.sql$/;
var goose = {
  name: "goose",
  rollbacks: "always",
  async detect(folder) {
    const files = sqlFiles(directFiles(folder));
    const texts = await Promise.all(files.map((f) => folder.read(f)));
    return coverage(texts, (t) => /^--\s*\+goose\s+up\b/im.test(t));
  },
  async build(folder) {
    const out = emptyBuild();
    for (const { file, version, name } of numberedFiles(folder, NAME3, out)) {
      const text = await folder.read(file);
      const markers = findMarkers(text, MARKER2);
      const up = markers.find((m) => m.kind === "up");
      const down = markers.find((m) => m.kind === "down");
      if (!up) out.issues.push({ path: file, line: 1, column: 1, message: "goose migration has no '-- +goose Up' annotation" });
      const sections = sectionTexts(text, markers, ["up", "down"]);
      const path2 = repoPath(folder.dir, file);
      const noTransaction = markers.some((m) => m.kind === "no transaction");
      out.migrations.push({
        id: file.slice(0, -4),
        version,
        name,
        up: { path: path2, text: up ? sections.get("up") : text },
        down: down ? { path: path2, text: sections.get("down") } : null,
        ...noTransaction ? { noTransaction } : {},
        dupKey: version.replace(/^0+(?=\d)/, "")
      });
    }
    return out;
  }
};

// src/discover/layouts/pop.ts
var FILE2 = /^(\d+)_(.+?)(?:\.(postgres|postgresql|pg|cockroach|cockroachdb|crdb|mysql|mariadb|sqlite|sqlite3|mssql|sqlserver|all))?(\.autocommit)?\.(up|down)\.sql$/;
var POSTGRES = /* @__PURE__ */ new Set(["postgres", "postgresql", "pg"]);
var pop = {
  name: "pop",
  // pop runs a migration without its down file, and rolls back only what has one: projects that
  // keep none (supabase/auth) do so on purpose.
  rollbacks: "when-used",
  async detect(folder) {
    const files = sqlFiles(directFiles(folder));
    const marked = files.some((f) => {
      const m = FILE2.exec(f);
      return m !== null && (m[3] !== void 0 || m[4] !== void 0);
    });
    return marked ? coverage(files, (f) => FILE2.test(f)) : 0;
  },
  async build(folder) {
    const out = emptyBuild();
    const byId = /* @__PURE__ */ new Map();
    for (const file of sqlFiles(directFiles(folder))) {
      const m = FILE2.exec(file);
      if (!m) {
        out.leftovers.push(file);
        continue;
      }
      const dialect = m[3];
      if (dialect !== void 0 && dialect !== "all" && !POSTGRES.has(dialect)) {
        (out.otherDatabases ??= []).push({ file, dialect });
        continue;
      }
      const id = `${m[1]}_${m[2]}`;
      const entry = byId.get(id) ?? { version: m[1], name: m[2] };
      const direction = m[5];
      const variant = { file, specific: dialect !== void 0 && dialect !== "all", autocommit: m[4] !== void 0 };
      const current = entry[direction];
      if (!current || variant.specific && !current.specific) entry[direction] = variant;
      byId.set(id, entry);
    }
    const ordered = [...byId.entries()].sort(
      ([ia, a], [ib, b]) => compareDigits(a.version, b.version) || naturalCompare(ia, ib)
    );
    for (const [id, e] of ordered) {
      if (!e.up) {
        out.orphans.push(e.down.file);
        continue;
      }
      out.migrations.push({
        id,
        version: e.version,
        name: e.name,
        up: { path: repoPath(folder.dir, e.up.file), text: await folder.read(e.up.file) },
        down: e.down ? { path: repoPath(folder.dir, e.down.file), text: await folder.read(e.down.file) } : null,
        ...e.up.autocommit ? { noTransaction: true } : {},
        dupKey: e.version.replace(/^0+(?=\d)/, "")
      });
    }
    return out;
  }
};

// src/discover/layouts/prisma.ts
var FILE3 = /^([^/]+)\/(migration|down)\.sql$/;
var prisma = {
  name: "prisma",
  rollbacks: "never",
  async detect(folder) {
    const files = sqlFiles(folder.files);
    return files.some((f) => f.endsWith("/migration.sql")) ? coverage(files, (f) => FILE3.test(f)) : 0;
  },
  async build(folder) {
    const out = emptyBuild();
    const byDir = /* @__PURE__ */ new Map();
    for (const file of sqlFiles(folder.files)) {
      const m = FILE3.exec(file);
      if (!m) {
        out.leftovers.push(file);
        continue;
      }
      const entry = byDir.get(m[1]) ?? {};
      entry[m[2] === "migration" ? "up" : "down"] = file;
      byDir.set(m[1], entry);
    }
    for (const [id, e] of [...byDir.entries()].sort(([a], [b]) => byteCompare(a, b))) {
      if (!e.up) {
        out.orphans.push(e.down);
        continue;
      }
      const m = /^(\d+)(?:_(.*))?$/.exec(id);
      out.migrations.push({
        id,
        version: m ? m[1] : id,
        name: m ? m[2] ?? "" : id,
        up: { path: repoPath(folder.dir, e.up), text: await folder.read(e.up) },
        down: e.down ? { path: repoPath(folder.dir, e.down), text: await folder.read(e.down) } : null
      });
    }
    return out;
  }
};

// src/discover/layouts/sqitch.ts
var SCRIPT = /^(deploy|revert|verify)\/(.+)\.sql$/;
function parseSqitchPlan(text) {
  const entries = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("%") || line.startsWith("#")) return;
    if (line.startsWith("@")) {
      entries.push({ kind: "tag", name: line.slice(1).split(/\s/)[0] });
      return;
    }
    const m = /^[+-]?([^\s[]+)\s*(?:\[([^\]]*)\])?/.exec(line);
    if (m) entries.push({ kind: "change", name: m[1], deps: (m[2] ?? "").split(/\s+/).filter(Boolean), line: i + 1 });
  });
  const changes = [];
  entries.forEach((entry, i) => {
    if (entry.kind !== "change") return;
    const later = entries.slice(i + 1);
    const rework = later.find((e) => e.kind === "change" && e.name === entry.name);
    let script = entry.name;
    if (rework && rework.kind === "change") {
      const dep = rework.deps.find((d) => d.startsWith(`${entry.name}@`));
      const tag = dep ? dep.slice(entry.name.length + 1) : later.find((e) => e.kind === "tag")?.name;
      if (tag) script = `${entry.name}@${tag}`;
    }
    changes.push({ name: entry.name, script, line: entry.line });
  });
  return changes;
}
var sqitch = {
  name: "sqitch",
  rollbacks: "always",
  async detect(folder) {
    const files = sqlFiles(folder.files);
    const hasDeploy = files.some((f) => f.startsWith("deploy/"));
    const marked = folder.files.includes("sqitch.plan") || files.some((f) => f.startsWith("revert/"));
    return hasDeploy && marked ? coverage(files, (f) => SCRIPT.test(f)) : 0;
  },
  async build(folder) {
    const out = emptyBuild();
    const deploy = /* @__PURE__ */ new Set();
    const revert = /* @__PURE__ */ new Set();
    for (const file of sqlFiles(folder.files)) {
      const m = SCRIPT.exec(file);
      if (!m) out.leftovers.push(file);
      else if (m[1] === "deploy") deploy.add(m[2]);
      else if (m[1] === "revert") revert.add(m[2]);
    }
    const order = [];
    if (folder.files.includes("sqitch.plan")) {
      for (const change of parseSqitchPlan(await folder.read("sqitch.plan"))) {
        if (!deploy.has(change.script)) {
          out.issues.push({
            path: "sqitch.plan",
            line: change.line,
            column: 1,
            message: `sqitch.plan lists change '${change.name}' but deploy/${change.script}.sql does not exist`
          });
          continue;
        }
        order.push(change);
      }
      const planned = new Set(order.map((c) => c.script));
      for (const script of [...deploy].filter((s) => !planned.has(s)).sort(naturalCompare)) {
        out.issues.push({
          path: `deploy/${script}.sql`,
          line: 1,
          column: 1,
          message: `deploy/${script}.sql is not in sqitch.plan, so sqitch never deploys it`
        });
        order.push({ script, name: script.replace(/@.*$/, "") });
      }
    } else {
      for (const script of [...deploy].sort(naturalCompare)) order.push({ script, name: script.replace(/@.*$/, "") });
    }
    const hasPlan = folder.files.includes("sqitch.plan");
    for (const [i, change] of order.entries()) {
      const up = `deploy/${change.script}.sql`;
      const down = `revert/${change.script}.sql`;
      out.migrations.push({
        id: change.script,
        version: hasPlan ? String(i + 1) : change.script,
        name: change.name,
        up: { path: repoPath(folder.dir, up), text: await folder.read(up) },
        down: revert.has(change.script) ? { path: repoPath(folder.dir, down), text: await folder.read(down) } : null
      });
    }
    const used = new Set(order.map((c) => c.script));
    for (const script of revert) if (!used.has(script)) out.orphans.push(`revert/${script}.sql`);
    return out;
  }
};

// src/discover/layouts/sqlx.ts
var FILE4 = /^(\d+)_(.+?)(?:\.(up|down))?\.sql$/;
var NO_TRANSACTION = /^-- no-transaction/;
function sqlxCoverage(files) {
  return coverage(sqlFiles(files.filter((f) => !f.includes("/"))), (f) => FILE4.test(f));
}
var sqlx = {
  name: "sqlx",
  // Reversible migrations come with a down file; simple ones have none, on purpose.
  rollbacks: "when-used",
  async detect() {
    return 0;
  },
  async build(folder) {
    const out = emptyBuild();
    const byId = /* @__PURE__ */ new Map();
    for (const file of sqlFiles(directFiles(folder))) {
      const m = FILE4.exec(file);
      if (!m) {
        out.leftovers.push(file);
        continue;
      }
      const id = m[3] ? file.slice(0, -`.${m[3]}.sql`.length) : file.slice(0, -".sql".length);
      const entry = byId.get(id) ?? { version: m[1], name: m[2] };
      entry[m[3] === "down" ? "down" : "up"] = file;
      byId.set(id, entry);
    }
    const ordered = [...byId.entries()].sort(([ia, a], [ib, b]) => compareDigits(a.version, b.version) || naturalCompare(ia, ib));
    for (const [id, e] of ordered) {
      if (!e.up) {
        out.orphans.push(e.down);
        continue;
      }
      const text = await folder.read(e.up);
      out.migrations.push({
        id,
        version: e.version,
        name: e.name,
        up: { path: repoPath(folder.dir, e.up), text },
        down: e.down ? { path: repoPath(folder.dir, e.down), text: await folder.read(e.down) } : null,
        ...NO_TRANSACTION.test(text) ? { noTransaction: true } : {},
        // The version is an i64: 0042 and 42 are the same migration to sqlx.
        dupKey: e.version.replace(/^0+(?=\d)/, "")
      });
    }
    return out;
  }
};

// src/discover/layouts/supabase.ts
var NAME4 = /^(\d+)_(.+)\.sql$/;
var supabase = {
  name: "supabase",
  rollbacks: "never",
  async detect(folder) {
    if (!/(^|\/)supabase\/migrations$/.test(folder.dir)) return 0;
    return 0.95 * coverage(sqlFiles(directFiles(folder)), (f) => NAME4.test(f));
  },
  async build(folder) {
    const out = emptyBuild();
    const named = sqlFiles(directFiles(folder)).flatMap((file) => {
      const m = NAME4.exec(file);
      if (!m) out.leftovers.push(file);
      return m ? [{ file, version: m[1], name: m[2] }] : [];
    });
    named.sort((a, b) => compareDigits(a.version, b.version) || naturalCompare(a.file, b.file));
    for (const { file, version, name } of named) {
      out.migrations.push({
        id: file.slice(0, -4),
        version,
        name,
        up: { path: repoPath(folder.dir, file), text: await folder.read(file) },
        down: null,
        dupKey: version.replace(/^0+(?=\d)/, "")
      });
    }
    return out;
  }
};

// src/discover/layouts/versioned-rollbacks.ts
var ROLLBACK_DIR = /^rollbacks?\/[^/]+\.sql$/i;
var UPGRADE = /^(.+)_upgrade\.sql$/i;
var ROLLBACK_SUFFIX = /^(.+)_rollback\.sql$/i;
var VERSIONED2 = /^([vV]?\d+(?:\.\d+)*(?:-[0-9A-Za-z.]+)?)(?:[_-](.*))?\.sql$/;
function parseUp(file) {
  const up = UPGRADE.exec(file);
  if (up) {
    const stem = up[1];
    const fromTo = /^(.+)_to_(.+)$/i.exec(stem);
    return { file, version: stem, name: stem, sortKeys: fromTo ? [fromTo[2], fromTo[1]] : [stem], key: stem.toLowerCase() };
  }
  const v = VERSIONED2.exec(file);
  if (v && !ROLLBACK_SUFFIX.test(file)) {
    return { file, version: v[1], name: v[2] ?? "", sortKeys: [v[1]], key: versionKey(v[1], v[2] ?? "") };
  }
  return null;
}
function rollbackKey(file) {
  const name = baseName(file);
  const suffix = ROLLBACK_SUFFIX.exec(name);
  if (suffix && !file.includes("/")) return { key: suffix[1].toLowerCase(), versionOnly: "" };
  const v = VERSIONED2.exec(name);
  if (!v) return suffix ? { key: suffix[1].toLowerCase(), versionOnly: "" } : null;
  const rest = (v[2] ?? "").replace(/^rollback[_-]?/i, "").replace(/[_-]?rollback$/i, "");
  return { key: versionKey(v[1], rest), versionOnly: versionKey(v[1], "") };
}
function versionKey(version, name) {
  return `${version.replace(/^[vV]/, "").toLowerCase()}|${name.toLowerCase()}`;
}
var versionedRollbacks = {
  name: "versioned-rollbacks",
  rollbacks: "always",
  async detect(folder) {
    const direct = sqlFiles(directFiles(folder));
    const hasRollbacks = folder.files.some((f) => ROLLBACK_DIR.test(f)) || direct.some((f) => ROLLBACK_SUFFIX.test(f));
    if (!hasRollbacks) return 0;
    return 0.95 * coverage(direct, (f) => parseUp(f) !== null || ROLLBACK_SUFFIX.test(f));
  },
  async build(folder) {
    const out = emptyBuild();
    const ups = [];
    const rollbacks = [];
    for (const file of sqlFiles(folder.files)) {
      if (ROLLBACK_DIR.test(file) || !file.includes("/") && ROLLBACK_SUFFIX.test(file)) rollbacks.push(file);
      else if (file.includes("/")) out.leftovers.push(file);
      else {
        const up = parseUp(file);
        if (up) ups.push(up);
        else out.leftovers.push(file);
      }
    }
    ups.sort((a, b) => {
      for (let i = 0; i < Math.max(a.sortKeys.length, b.sortKeys.length); i++) {
        const c = compareVersions(a.sortKeys[i] ?? "", b.sortKeys[i] ?? "");
        if (c !== 0) return c;
      }
      return naturalCompare(a.file, b.file);
    });
    const downFor = /* @__PURE__ */ new Map();
    const unpaired = [];
    for (const file of rollbacks) {
      const key = rollbackKey(file);
      const exact = key && ups.find((u) => u.key === key.key && !downFor.has(u));
      const byVersion = key?.versionOnly ? ups.filter((u) => u.key.startsWith(key.versionOnly) && !downFor.has(u)) : [];
      const match = exact || (byVersion.length === 1 ? byVersion[0] : void 0);
      if (match) downFor.set(match, file);
      else unpaired.push(file);
    }
    out.orphans.push(...unpaired);
    for (const up of ups) {
      const down = downFor.get(up);
      out.migrations.push({
        id: up.file.slice(0, -4),
        version: up.version,
        name: up.name,
        up: { path: repoPath(folder.dir, up.file), text: await folder.read(up.file) },
        down: down ? { path: repoPath(folder.dir, down), text: await folder.read(down) } : null,
        dupKey: up.key
      });
    }
    return out;
  }
};

// src/discover/layouts/index.ts
var LAYOUT_MODULES = [
  liquibaseSql,
  dbmate,
  goose,
  sqitch,
  prisma,
  directoryPairs,
  pop,
  golangMigrate,
  flyway,
  drizzle,
  supabase,
  versionedRollbacks,
  sqlx,
  plain
];
function layoutModule(name) {
  return LAYOUT_MODULES.find((l) => l.name === name);
}

// src/discover/cargo.ts
var DRIVERS = [["sqlite", "SQLite"], ["mysql", "MySQL"]];
var DRIVER_USE = [
  ["postgres", /\bsqlx::(?:postgres|Postgres)\b|\bPg(?:Pool|Connection|ConnectOptions|PoolOptions)\b/],
  ["sqlite", /\bsqlx::(?:sqlite|Sqlite)\b|\bSqlite(?:Pool|Connection|ConnectOptions|PoolOptions)\b/],
  ["mysql", /\bsqlx::(?:mysql|MySql)\b|\bMySql(?:Pool|Connection|ConnectOptions|PoolOptions)\b/]
];
var MAX_SOURCES = 24;
function table(v) {
  return v !== null && typeof v === "object" && !Array.isArray(v) ? v : void 0;
}
var toml;
async function manifest(text) {
  const { parse } = await (toml ??= import("./dist-PXEY3JBH.js"));
  try {
    return parse(text);
  } catch {
    return void 0;
  }
}
function sqlxEntries(doc) {
  const sections = [doc, ...Object.values(table(doc.target) ?? {})].map(table).filter((t) => t !== void 0);
  return sections.flatMap((s) => ["dependencies", "dev-dependencies", "build-dependencies"].map((k) => table(s[k])?.sqlx)).filter((e) => e !== void 0);
}
function features(entry) {
  const list = table(entry)?.features;
  return Array.isArray(list) ? list.filter((f) => typeof f === "string") : [];
}
async function sqlxUse(dir, crates, rustFiles2, read) {
  const dirOf = (cargo) => cargo.slice(0, -"Cargo.toml".length).replace(/\/$/, "");
  const above = crates.filter((c) => dirOf(c) === "" || dir === dirOf(c) || dir.startsWith(`${dirOf(c)}/`)).sort((a, b) => b.length - a.length);
  const nearest = above[0];
  if (nearest === void 0) return null;
  const doc = await manifest(await read(nearest));
  if (!doc) return null;
  const own = table(table(doc.workspace)?.dependencies)?.sqlx;
  const entries = sqlxEntries(doc);
  if (entries.length === 0 && own === void 0) return null;
  const used = entries.length > 0 ? entries : [own];
  const evidence = [nearest];
  let named = drivers(used.flatMap(features));
  if (named.length === 0 && used.some((e) => table(e)?.workspace === true)) {
    for (const root of above.slice(1)) {
      const rootDoc = await manifest(await read(root));
      if (!table(rootDoc?.workspace)) continue;
      evidence.push(root);
      named = drivers(features(table(table(rootDoc?.workspace)?.dependencies)?.sqlx));
      break;
    }
  }
  if (named.length !== 1) {
    const crate = dirOf(nearest);
    const sources = sourcesIn(`${crate === "" ? "" : `${crate}/`}src/`, rustFiles2);
    const seen = /* @__PURE__ */ new Set();
    for (const file of sources) {
      const text = await read(file);
      for (const [driver, pattern] of DRIVER_USE) if (pattern.test(text)) seen.add(driver);
    }
    evidence.push(...sources);
    if (seen.size > 0) named = [...seen];
  }
  const other = named.includes("postgres") ? void 0 : DRIVERS.find(([feature]) => named.includes(feature));
  return { evidence, otherEngine: other ? other[1] : null };
}
function drivers(list) {
  return ["postgres", ...DRIVERS.map(([f]) => f)].filter((d) => list.includes(d));
}
function sourcesIn(src, files) {
  const telling = (f) => /(?:^|_)(?:db|database|store|storage|sql|pool|repo)\w*\.rs$/.test(f.slice(src.length)) ? 0 : /^(?:lib|main)\.rs$/.test(f.slice(src.length)) ? 1 : 2;
  return files.filter((f) => f.startsWith(src) && f.endsWith(".rs") && !f.slice(src.length).includes("/")).sort((a, b) => telling(a) - telling(b) || (a < b ? -1 : a > b ? 1 : 0)).slice(0, MAX_SOURCES);
}
async function sqlxRunner(layout, dir, files, crates, readText, change) {
  if (layout !== "golang-migrate" && layout !== "plain" || sqlxCoverage(files) <= 0.5) return { runner: layout };
  const use = await sqlxUse(dir, crates.manifests, crates.sources, readText);
  if (!use) return { runner: layout };
  const edited = use.evidence.filter(change.changed);
  const base = edited.length > 0 && change.base ? await change.base() : void 0;
  const sample = files.find((f) => /\.sql$/i.test(f));
  const from = sample ? change.previous(dir === "" ? sample : `${dir}/${sample}`) : void 0;
  const baseDir = from?.endsWith(`/${sample}`) ? from.slice(0, -sample.length - 1) : from === sample ? "" : dir;
  const before = base ? await sqlxUse(baseDir, base.files.manifests, base.files.sources, base.read) : null;
  if (edited.length > 0 && (before === null || before.otherEngine !== use.otherEngine)) {
    return { runner: layout, note: `reviewed as ${layout}: the change edits ${edited.join(", ")}, which would make this folder sqlx's${use.otherEngine ? ` (for ${use.otherEngine})` : ""}; such files count once they are on the base branch` };
  }
  return { runner: use.otherEngine ? { other: use.otherEngine } : "sqlx" };
}

// src/discover/change-view.ts
function rustFiles(paths) {
  return { manifests: paths.filter((p) => p === "Cargo.toml" || p.endsWith("/Cargo.toml")), sources: paths.filter((p) => p.endsWith(".rs")) };
}
function baseView(base, normalize) {
  let listed;
  const read = (path2) => base.read(path2).then(decodeText, () => "");
  return async () => ({ files: await (listed ??= base.list().then((paths) => rustFiles(paths.map(normalize)))), read });
}

// src/discover/discover.ts
var import_picomatch2 = __toESM(require_picomatch2(), 1);

// src/discover/other-databases.ts
var import_picomatch = __toESM(require_picomatch2(), 1);
var ENGINES = new Map(Object.entries({
  sqlite: "SQLite",
  sqlite3: "SQLite",
  mysql: "MySQL",
  mariadb: "MariaDB",
  mssql: "SQL Server",
  sqlserver: "SQL Server",
  tsql: "SQL Server",
  oracle: "Oracle",
  h2: "H2",
  hsqldb: "HSQLDB",
  derby: "Derby",
  db2: "Db2",
  sybase: "Sybase",
  clickhouse: "ClickHouse",
  snowflake: "Snowflake",
  spanner: "Spanner",
  informix: "Informix",
  firebird: "Firebird"
}));
var GLUED = ["sqlite", "mysql", "mariadb", "mssql", "sqlserver", "oracle", "clickhouse"];
function engineOfFolderName(segment) {
  const words = segment.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase().split(/[^a-z0-9]+/).filter((w) => w !== "");
  for (const word of words) {
    let cut = word.length;
    while (cut > 0 && word.charCodeAt(cut - 1) >= 48 && word.charCodeAt(cut - 1) <= 57) cut--;
    const bare = word.length > 2 && cut > 0 ? word.slice(0, cut) : word;
    const engine = ENGINES.get(word) ?? ENGINES.get(bare);
    if (engine) return engine;
    const glued = GLUED.find((g) => bare.length > g.length && bare.endsWith(g));
    if (glued) return ENGINES.get(glued);
  }
  return null;
}
function splitOtherDatabases(paths, overrides, rootOf = () => "") {
  const forceSkip = overrides.skip.length > 0 ? (0, import_picomatch.default)([...overrides.skip], { dot: true }) : () => false;
  const forceReview = overrides.review.length > 0 ? (0, import_picomatch.default)([...overrides.review], { dot: true }) : () => false;
  const keep = [];
  const byDir = /* @__PURE__ */ new Map();
  const add = (dir, engine, path2) => {
    const folder = byDir.get(dir) ?? { dir, engine, files: [] };
    folder.files.push(path2);
    byDir.set(dir, folder);
  };
  for (const path2 of paths) {
    if (forceReview(path2)) {
      keep.push(path2);
      continue;
    }
    if (forceSkip(path2)) {
      add(path2.includes("/") ? path2.slice(0, path2.lastIndexOf("/")) : "", "not PostgreSQL (otherDatabases.skip)", path2);
      continue;
    }
    const root = rootOf(path2);
    const segments = path2.split("/").slice(0, -1);
    const start = root === "" ? 0 : root.split("/").length;
    let found = null;
    for (let i = start; i < segments.length && !found; i++) {
      const engine = engineOfFolderName(segments[i]);
      if (engine) found = { dir: segments.slice(0, i + 1).join("/"), engine };
    }
    if (found) add(found.dir, found.engine, path2);
    else keep.push(path2);
  }
  return { keep, other: [...byDir.values()].sort((a, b) => byCodeUnit(a.dir, b.dir)) };
}

// src/discover/discover.ts
async function discoverMigrations(files, config, opts = {}) {
  const ignored = config.ignore.length > 0 ? (0, import_picomatch2.default)(config.ignore, { dot: true }) : () => false;
  const listed = (await files.list()).map(normalizePath).filter((p) => !ignored(p));
  const result = { sets: [], errors: [], findings: [], notes: [] };
  const configured = (config.migrations ?? []).map((m) => normalizePath(m.path)).sort((a, b) => b.length - a.length);
  const split = splitOtherDatabases(listed, config.otherDatabases, (p) => configured.find((d) => d === "" || p.startsWith(`${d}/`)) ?? "");
  let paths = split.keep;
  for (const folder of split.other) {
    const sql = folder.files.filter((f) => /\.sql$/i.test(f)).length;
    if (sql === 0) continue;
    if (opts.addedByChange && !folder.engine.startsWith("not ") && folder.files.filter((f) => /\.sql$/i.test(f)).every(opts.addedByChange)) {
      paths = [...paths, ...folder.files].sort();
      result.notes.push({
        path: folder.dir,
        message: `${sql} SQL file${sql === 1 ? "" : "s"} reviewed as PostgreSQL although the folder name says ${folder.engine}: the change adds the folder, and a runner that reads a whole tree (Flyway, Liquibase includeAll) would run ${sql === 1 ? "it" : "them"} (otherDatabases.skip in .migration-guard.yml on the base branch leaves such a folder alone)`
      });
      continue;
    }
    result.notes.push({
      path: folder.dir,
      message: `${sql} SQL file${sql === 1 ? "" : "s"} left alone: ${folder.engine.startsWith("not ") ? folder.engine : `the folder name says ${folder.engine}, not PostgreSQL`} (set otherDatabases.review in .migration-guard.yml to review ${sql === 1 ? "it" : "them"})`
    });
  }
  const cache = /* @__PURE__ */ new Map();
  const absent = /* @__PURE__ */ new Set();
  const runsAsSql = sqlRunBy(paths);
  const readText = (path2) => {
    let text = cache.get(path2);
    if (!text) {
      text = files.read(path2).then(
        (bytes) => {
          if (!runsAsSql(path2)) return decodeText(bytes);
          const decoded = decodeSql(bytes, path2);
          if (decoded.ok) return decoded.text;
          result.errors.push({ ...decoded.error, rule: "file-unreadable", risk: "DANGEROUS" });
          return "";
        },
        (e) => {
          if (e.code === "ENOENT") absent.add(path2);
          else result.errors.push({ path: path2, line: 1, column: 1, message: `cannot read file: ${e.code ?? (e instanceof Error ? e.message : String(e))}`, rule: "file-unreadable", risk: "DANGEROUS" });
          return "";
        }
      );
      cache.set(path2, text);
    }
    return text;
  };
  await Promise.all(paths.filter(runsAsSql).map(readText));
  if (absent.size > 0) {
    paths = paths.filter((p) => !absent.has(p));
    const first = [...absent].sort()[0];
    result.notes.push({
      message: `${absent.size} SQL file${absent.size === 1 ? "" : "s"} listed by git ${absent.size === 1 ? "is" : "are"} neither in the work tree nor in git's objects (a sparse or partial checkout?) and ${absent.size === 1 ? "was" : "were"} skipped, starting with ${first}`
    });
  }
  const grouped = /* @__PURE__ */ new Set();
  const testData = [];
  const crates = rustFiles(listed);
  const change = { changed: opts.changedByChange ?? (() => false), added: opts.addedByChange ?? (() => false), previous: opts.previousPath ?? (() => void 0), base: opts.base ? baseView(opts.base, normalizePath) : void 0 };
  for (const { group, entry } of await migrationFolders(paths, config, readText, result.errors, opts.only ? null : testData)) {
    for (const f of group.files) grouped.add(repoPath(group.dir, f));
    await buildGroup(group, entry, config, readText, result, crates, change);
  }
  for (const group of testData) {
    const sql = group.files.filter((f) => /\.sql$/i.test(f)).length;
    result.notes.push({
      path: group.dir,
      message: `${sql} SQL file${sql === 1 ? "" : "s"} left alone: Go test data (a testdata/ folder, which runners that read one folder, such as golang-migrate, goose or dbmate, never run); set otherDatabases.review in .migration-guard.yml to review ${sql === 1 ? "it" : "them"}`
    });
  }
  result.sets.sort((a, b) => a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : a.layout === "plain" ? 1 : b.layout === "plain" ? -1 : 0);
  const leftAlone = new Set(split.other.flatMap((f) => f.files));
  return opts.only ? await restrictTo(
    result,
    opts.only.map(normalizePath),
    paths,
    grouped,
    config,
    readText,
    (p) => leftAlone.has(p) || listed.some((l) => l.startsWith(`${p}/`) && leftAlone.has(l)) ? Promise.resolve("left-alone") : files.read(p).then(
      () => true,
      () => false
    )
  ) : result;
}
function isTestData(group, all) {
  if (!group.dir.split("/").includes("testdata")) return false;
  if (group.shape === "flyway" || group.shape === "liquibase-sql") return false;
  return !all.some((g) => g.shape === "liquibase-sql" && (g.dir === "" || group.dir.startsWith(`${g.dir}/`)));
}
async function migrationFolders(paths, config, readText, errors, testData) {
  if (config.migrations && config.migrations.length > 0) {
    const units2 = [];
    for (const entry of config.migrations) {
      const dir = normalizePath(entry.path);
      const inside = paths.filter((p) => dir === "" || p.startsWith(`${dir}/`));
      if (!inside.some((p) => /\.sql$/i.test(p))) {
        errors.push({ path: dir, line: 1, column: 1, message: `configured migrations folder '${dir}' has no .sql files` });
        continue;
      }
      for (const group of await findFolderGroups(inside, readText)) units2.push({ group, entry });
    }
    return units2;
  }
  const units = [];
  for (const group of await findFolderGroups(paths, readText)) {
    const layout = group.shape ?? await detectLayout(folderOf(group, readText));
    if (layout !== "plain" || looksLikeMigrationFolder(group)) units.push({ group: { ...group, shape: layout } });
  }
  if (!testData) return units;
  const groups = units.map((u) => u.group);
  const forced = config.otherDatabases.review.length > 0 ? (0, import_picomatch2.default)([...config.otherDatabases.review], { dot: true }) : () => false;
  return units.filter((u) => {
    if (!isTestData(u.group, groups) || u.group.files.some((f) => forced(repoPath(u.group.dir, f)))) return true;
    testData.push(u.group);
    return false;
  });
}
function folderOf(group, readText) {
  return { dir: group.dir, files: group.files, read: (rel) => readText(repoPath(group.dir, rel)) };
}
async function detectLayout(folder) {
  let best = "plain";
  let bestScore = 0;
  for (const layout of LAYOUT_MODULES) {
    const score = await layout.detect(folder);
    if (score > bestScore) {
      best = layout.name;
      bestScore = score;
    }
  }
  return best;
}
function reviewedSnapshots(dir, snapshots, change, result) {
  if (snapshots.length === 0) return [];
  const added = snapshots.filter((f) => change.added(repoPath(dir, f)));
  const left = snapshots.filter((f) => !added.includes(f));
  if (left.length > 0) {
    result.notes.push({
      path: dir,
      message: `${left.join(", ")} left alone: the whole schema kept beside the versioned migrations (what a new database starts from), not one of them; editing it changes no database that has run them`
    });
  }
  return added;
}
async function buildGroup(group, entry, config, readText, result, crates, change) {
  const folder = folderOf(group, readText);
  const sqlx2 = entry?.layout ? null : await sqlxRunner(group.shape ?? await detectLayout(folder), group.dir, group.files, crates, readText, change);
  if (sqlx2?.note) result.notes.push({ path: group.dir, message: sqlx2.note });
  const runner = entry?.layout ?? sqlx2.runner;
  if (typeof runner !== "string") {
    const forced = config.otherDatabases.review.length > 0 ? (0, import_picomatch2.default)([...config.otherDatabases.review], { dot: true }) : () => false;
    if (!group.files.some((f) => forced(repoPath(group.dir, f)))) {
      const sql = group.files.filter((f) => /\.sql$/i.test(f)).length;
      result.notes.push({
        path: group.dir,
        message: `${sql} SQL file${sql === 1 ? "" : "s"} left alone: the crate uses sqlx with ${runner.other}, not PostgreSQL (its Cargo.toml features, or its sources' types) (set otherDatabases.review in .migration-guard.yml to review ${sql === 1 ? "it" : "them"})`
      });
      return;
    }
  }
  const layout = typeof runner === "string" ? runner : "sqlx";
  const built = await layoutModule(layout).build(folder);
  for (const file of group.files) {
    if (!FIZZ_UP.test(file)) continue;
    result.errors.push({
      path: repoPath(group.dir, file),
      line: 1,
      column: 1,
      message: "pop runs this fizz migration (a DSL it turns into SQL as it runs), and nothing here can review it: write it as an .up.sql file, or have it approved",
      rule: "layout-error",
      risk: "DANGEROUS"
    });
  }
  for (const issue of built.issues) result.errors.push({ ...issue, path: repoPath(group.dir, issue.path), rule: "layout-error", risk: "DANGEROUS" });
  const other = built.otherDatabases ?? [];
  if (other.length > 0) {
    result.notes.push({
      path: group.dir,
      message: `${other.length} migration file${other.length === 1 ? "" : "s"} for other databases left alone (${[...new Set(other.map((o) => o.dialect))].sort().join(", ")}): ${layout} runs ${other.length === 1 ? "it" : "them"} only on those engines`
    });
  }
  for (const orphan of built.orphans) result.findings.push(rollbackOrphan(repoPath(group.dir, orphan)));
  const snapshots = reviewedSnapshots(group.dir, built.snapshots ?? [], change, result);
  const reviewed = snapshots.length > 0 ? (await layoutModule("plain").build({ ...folder, files: snapshots })).migrations : [];
  addSet(group.dir, layout, [...built.migrations, ...reviewed], entry, config, result);
  if (built.leftovers.length > 0 && layout !== "plain") {
    const rest = await layoutModule("plain").build({ ...folder, files: built.leftovers });
    addSet(group.dir, "plain", rest.migrations, entry, config, result);
  }
}
function addSet(dir, layout, drafts, entry, config, result) {
  if (drafts.length === 0) return;
  const convention = layoutModule(layout).rollbacks;
  const required = entry?.requireRollback ?? (convention === "always" || convention === "when-used" && drafts.some((d) => d.down));
  const transaction = entry?.transaction ?? config.transaction[layout] ?? LAYOUT_TRANSACTION[layout];
  const migrations = drafts.map((d) => toMigration(d, layout, dir, required, transaction));
  for (const [i, m] of migrations.entries()) {
    if (m.rollbackStatus === "missing") result.findings.push(rollbackMissing(m, config.rollbackMissingRisk));
    if (required) {
      for (const part of drafts[i].partsWithoutRollback ?? []) result.findings.push(rollbackMissing(m, config.rollbackMissingRisk, part));
    }
  }
  const byKey = /* @__PURE__ */ new Map();
  drafts.forEach((d, i) => {
    if (d.dupKey !== void 0) byKey.set(d.dupKey, [...byKey.get(d.dupKey) ?? [], migrations[i]]);
  });
  for (const same of byKey.values()) {
    if (same.length > 1) for (const m of same) result.findings.push(duplicateVersion(m, same.filter((o) => o !== m)));
  }
  result.sets.push({ dir, layout, migrations });
}
function toMigration(d, layout, dir, required, transaction) {
  return {
    id: d.id,
    version: d.version,
    name: d.name,
    layout,
    dir,
    up: d.up,
    down: d.down,
    rollbackStatus: d.down ? "present" : required ? "missing" : "not-required",
    transaction: d.noTransaction ? "none" : transaction,
    change: "unchanged",
    ...d.down && isBlankSql(d.down.text) ? { rollbackEmpty: true } : {},
    ...d.repeatable ? { repeatable: true } : {},
    ...d.placeholders ? { placeholders: d.placeholders } : {}
  };
}
async function restrictTo(found, only, paths, grouped, config, readText, exists) {
  const known = new Set(paths);
  const exactFiles = new Set(only.filter((w) => known.has(w)));
  const folders = only.filter((w) => !known.has(w));
  const inFolder = (p, w) => w === "" || p.startsWith(`${w}/`);
  const wanted = (p) => exactFiles.has(p) || folders.some((w) => p === w || inFolder(p, w));
  const sets = found.sets.map((s) => ({ ...s, migrations: s.migrations.filter((m) => wanted(m.up.path) || m.down !== null && wanted(m.down.path)) })).filter((s) => s.migrations.length > 0);
  const covered = new Set(sets.flatMap((s) => s.migrations.flatMap((m) => m.down ? [m.up.path, m.down.path] : [m.up.path])));
  const errors = [];
  const lone = [];
  for (const w of only) {
    const inside = known.has(w) ? /\.sql$/i.test(w) ? [w] : [] : paths.filter((p) => inFolder(p, w) && /\.sql$/i.test(p));
    if (inside.length > 0) lone.push(...inside.filter((p) => !covered.has(p) && !grouped.has(p)));
    else if (covered.has(w)) continue;
    else {
      const there = known.has(w) || await exists(w);
      if (there === "left-alone") continue;
      if (there) lone.push(w);
      else errors.push({ path: w, line: 1, column: 1, message: `no such file: ${w}` });
    }
  }
  const byDir = /* @__PURE__ */ new Map();
  for (const p of [...new Set(lone)].sort()) {
    const dir = p.includes("/") ? p.slice(0, p.lastIndexOf("/")) : "";
    const list = byDir.get(dir);
    if (list) list.push(p);
    else byDir.set(dir, [p]);
  }
  for (const [dir, files] of byDir) {
    const migrations = [];
    for (const path2 of files) {
      const name = path2.slice(path2.lastIndexOf("/") + 1).replace(/\.sql$/i, "");
      migrations.push({
        id: name,
        version: name,
        name,
        layout: "plain",
        dir,
        up: { path: path2, text: await readText(path2) },
        down: null,
        rollbackStatus: "not-required",
        transaction: config.defaultTransaction,
        change: "unchanged"
      });
    }
    sets.push({ dir, layout: "plain", migrations });
  }
  const kept = /* @__PURE__ */ new Set([...covered, ...lone, ...[...grouped].filter(wanted)]);
  return {
    // Notes about folders among (or around) what was asked for.
    notes: found.notes.filter((n) => n.path === void 0 || only.some((w) => w === "" || n.path === w || n.path.startsWith(`${w}/`) || w.startsWith(`${n.path}/`))),
    sets,
    errors: [...found.errors.filter((e) => kept.has(e.path)), ...errors],
    findings: found.findings.filter((f) => kept.has(f.path))
  };
}
var FIZZ_UP = /^\d+_[^./]+\.up\.fizz$/;
function sqlRunBy(paths) {
  const folderOf2 = (p) => p.slice(0, Math.max(0, p.lastIndexOf("/")));
  const sqlFolders = new Set(paths.filter((p) => /\.sql$/i.test(p)).map(folderOf2));
  return (path2) => /\.sql$/i.test(path2) || RUNNER_FILE.test(path2.slice(path2.lastIndexOf("/") + 1)) && sqlFolders.has(folderOf2(path2));
}
function normalizePath(p) {
  return trimTrailing(p.replace(/\\/g, "/").replace(/^(\.\/)+/, ""), "/").replace(/^\.$/, "");
}

// src/parse/body-tokens.ts
function isSpace(c) {
  return c === " " || c === "	" || c === "\n" || c === "\r" || c === "\f" || c === "\v";
}
function isWordChar(c) {
  return c !== void 0 && /[\p{L}\p{N}_$]/u.test(c);
}
function routineBodyTokens(body) {
  let out = "";
  let pendingSpace = false;
  let i = 0;
  const push = (s) => {
    if (pendingSpace && isWordChar(out[out.length - 1]) && isWordChar(s[0])) out += " ";
    pendingSpace = false;
    out += s;
  };
  while (i < body.length) {
    const c = body[i];
    if (isSpace(c)) {
      pendingSpace = true;
      i++;
    } else if (c === "-" && body[i + 1] === "-") {
      while (i < body.length && body[i] !== "\n") i++;
      pendingSpace = true;
    } else if (c === "/" && body[i + 1] === "*") {
      let depth = 0;
      do {
        if (body[i] === "/" && body[i + 1] === "*") {
          depth++;
          i += 2;
        } else if (body[i] === "*" && body[i + 1] === "/") {
          depth--;
          i += 2;
        } else i++;
      } while (i < body.length && depth > 0);
      pendingSpace = true;
    } else if (c === "'" || c === '"') {
      let j = i + 1;
      for (; j < body.length; j++) {
        if (body[j] === c) {
          if (body[j + 1] === c) j++;
          else break;
        } else if (c === "'" && body[j] === "\\" && /[eE]$/.test(out)) j++;
      }
      push(body.slice(i, j + 1));
      i = j + 1;
    } else if (c === "$" && !isWordChar(out[out.length - 1]) && /^\$(?:[A-Za-z_][A-Za-z0-9_]*)?\$/.test(body.slice(i, i + 66))) {
      const tag = /^\$(?:[A-Za-z_][A-Za-z0-9_]*)?\$/.exec(body.slice(i, i + 66))[0];
      const end = body.indexOf(tag, i + tag.length);
      const stop = end < 0 ? body.length : end + tag.length;
      push(body.slice(i, stop));
      i = stop;
    } else {
      let j = i;
      while (j < body.length && !isSpace(body[j]) && !`'"`.includes(body[j]) && !(body[j] === "-" && body[j + 1] === "-") && !(body[j] === "/" && body[j + 1] === "*") && !(body[j] === "$" && j > i && !isWordChar(body[j - 1]))) j++;
      if (j === i) j = i + 1;
      push(body.slice(i, j).toLowerCase());
      i = j;
    }
  }
  return out;
}

// src/check/parallel.ts
import { existsSync } from "node:fs";
import { availableParallelism, cpus } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
var MIN_CHARS_PER_THREAD = 4e5;
var IN_FLIGHT = 2;
async function runSetsInParallel(work, ctx, step, idleCores) {
  const weights = work.map(weightOf);
  const workers = workerCount(weights.reduce((a, b) => a + b, 0), work.filter((units) => units.length > 0).length, idleCores);
  const script = workerScript();
  if (workers === 0 || !script) return null;
  return analyzeSetsOn(script, workers, work, ctx, step, weights);
}
function idleMeter() {
  const start = cpuTimes();
  return () => {
    const now = cpuTimes();
    const total = now.total - start.total;
    if (total <= 0) return now.cores;
    return (now.idle - start.idle) / total * now.cores;
  };
}
function cpuTimes() {
  let idle = 0;
  let total = 0;
  const all = cpus();
  for (const { times: t } of all) {
    idle += t.idle;
    total += t.user + t.nice + t.sys + t.idle + t.irq;
  }
  return { idle, total, cores: all.length };
}
async function analyzeSetsOn(script, workers, work, ctx, step, weights = work.map(weightOf)) {
  const queue = work.map((_, i) => i).sort((a, b) => weights[b] - weights[a] || a - b);
  const mainOnly = [];
  const results = new Array(work.length);
  const pool = new Pool(script, workers, { ...ctx, extraFindings: [] }, {
    step: (set, unit, count) => step(work[set][unit], count),
    done: (set, migrations) => results[set] = { analyzed: migrations.map((m) => revive(work[set], m)), history: [] },
    // Never to a worker again: a set one worker failed on, the next would likely fail on too.
    failed: (sets) => mainOnly.push(...sets)
  });
  const taskFor = (set) => ({ set, units: work[set], extraFindings: extraFor(work[set], ctx.extraFindings) });
  try {
    for (; ; ) {
      pool.feed(queue, taskFor);
      const next = mainOnly.shift() ?? queue.shift();
      if (next !== void 0) {
        results[next] = analyzeSet(work[next], ctx, step);
        await pool.settled(true);
        continue;
      }
      if (pool.idle()) break;
      await pool.settled();
    }
  } finally {
    await pool.close();
  }
  return results.map((r, i) => r ?? analyzeSet(work[i], ctx, step));
}
function workerCount(chars, sets, idleCores, env = process.env, cores = availableParallelism()) {
  const forced = forcedWorkers(env);
  if (forced !== void 0) return Math.min(forced, Math.max(0, sets - 1));
  const threads = Math.min(cores - 1, Math.floor(chars / MIN_CHARS_PER_THREAD), sets);
  if (threads < 2) return 0;
  return Math.max(0, Math.min(threads - 1, Math.floor(idleCores() + 0.5)));
}
function parseAhead(idleCores, env = process.env) {
  const forced = forcedWorkers(env);
  if (forced !== void 0) return forced > 0;
  return Math.floor(idleCores() + 0.5) >= 1;
}
function forcedWorkers(env) {
  const value = env.MG_WORKERS;
  if (value === void 0 || value === "") return void 0;
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 ? n : void 0;
}
function workerScript() {
  for (const rel of ["./check-worker.js", "../check-worker.js"]) {
    const url = new URL(rel, import.meta.url);
    if (url.protocol === "file:" && existsSync(fileURLToPath(url))) return url;
  }
  return null;
}
function weightOf(units) {
  let n = 0;
  for (const u of units) n += u.migration.up.text.length + (u.underReview && u.migration.down ? u.migration.down.text.length : 0);
  return n;
}
function extraFor(units, findings) {
  const paths = new Set(units.flatMap((u) => u.migration.down ? [u.migration.up.path, u.migration.down.path] : [u.migration.up.path]));
  return findings.filter((f) => paths.has(f.path));
}
function revive(units, m) {
  const source = (s) => ({ ...s, statements: s.statements.map((st) => ({ ...st, ast: NO_TREE })) });
  return {
    migration: units[m.unit].migration,
    up: source(m.up),
    down: m.down ? source(m.down) : null,
    report: m.report,
    transaction: m.transaction,
    ...m.suppressed ? { suppressed: m.suppressed } : {}
  };
}
var Pool = class {
  constructor(script, n, ctx, on) {
    this.on = on;
    this.slots = Array.from({ length: n }, () => this.start(script, ctx));
  }
  on;
  slots;
  wake;
  start(script, ctx) {
    const worker = new Worker(script, { workerData: { ctx } });
    const slot = { worker, holding: /* @__PURE__ */ new Set(), alive: true };
    const giveBack = () => {
      if (!slot.alive) return;
      slot.alive = false;
      this.on.failed([...slot.holding]);
      slot.holding.clear();
      this.poke();
    };
    worker.on("message", (msg) => {
      if (msg.kind === "step") return this.on.step(msg.set, msg.unit, msg.count);
      slot.holding.delete(msg.set);
      if (msg.kind === "done") this.on.done(msg.set, msg.migrations);
      else this.on.failed([msg.set]);
      this.poke();
    });
    worker.on("error", giveBack);
    worker.on("exit", giveBack);
    return slot;
  }
  poke() {
    const wake = this.wake;
    this.wake = void 0;
    wake?.();
  }
  /** Hands queued sets to workers with room for them. */
  feed(queue, taskFor) {
    for (const slot of this.slots) {
      while (slot.alive && slot.holding.size < IN_FLIGHT && queue.length > 0) {
        const set = queue.shift();
        slot.holding.add(set);
        slot.worker.postMessage(taskFor(set));
      }
    }
  }
  /** True when no worker holds a set. */
  idle() {
    return this.slots.every((s) => s.holding.size === 0);
  }
  /**
   * Waits for a worker's message, or with `justPoll` only until the messages already queued are
   * in (an immediate runs after the event loop's poll phase, where they arrive).
   */
  settled(justPoll = false) {
    return new Promise((resolve) => {
      const immediate = justPoll ? setImmediate(() => this.poke()) : void 0;
      this.wake = () => {
        if (immediate) clearImmediate(immediate);
        resolve();
      };
    });
  }
  async close() {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
};

// src/check/run.ts
async function runCheck(opts) {
  const { config } = opts;
  const progress = opts.onProgress ?? (() => {
  });
  const withoutTrees = opts.withoutTrees === true && !opts.dryRun && !opts.keepHistory;
  const meter = idleMeter();
  const idleCores = withoutTrees ? meter : () => 0;
  await initParser();
  progress({ stage: "discover", done: 0, total: 1 });
  const only = opts.scope.kind === "paths" ? opts.scope.paths : void 0;
  const changes = opts.scope.kind === "changes" ? opts.scope.changes : null;
  const changedPaths = changes?.flatMap((c) => c.previousPath ? [c.path, c.previousPath] : [c.path]) ?? null;
  const touched = new Set(changedPaths ?? []);
  const added = /* @__PURE__ */ new Set();
  const renamedFrom = /* @__PURE__ */ new Map();
  for (const c of changes ?? []) {
    if (c.status === "added" || c.status === "renamed") added.add(c.path);
    if (c.previousPath) renamedFrom.set(c.path, c.previousPath);
  }
  const base = opts.scope.kind === "changes" ? opts.scope.base : null;
  const discovered = await discoverMigrations(
    opts.files,
    config,
    only ? { only } : changedPaths ? { changedByChange: (p) => touched.has(p), addedByChange: (p) => added.has(p), previousPath: (p) => renamedFrom.get(p), ...base ? { base } : {} } : void 0
  );
  const errors = [...discovered.errors];
  const extraFindings = [...discovered.findings];
  let sets = discovered.sets;
  if (opts.scope.kind === "changes") {
    const baseSets = opts.scope.base ? (await discoverMigrations(opts.scope.base, config)).sets : null;
    const changed = applyChanges(sets, opts.scope.changes, baseSets, (a, b, layout) => sameStatements(a, b, parseOptionsFor(layout, config.placeholders)));
    sets = changed.sets;
    extraFindings.push(...changed.findings);
  }
  progress({ stage: "discover", done: 1, total: 1 });
  const perSet = sets.map(
    (set) => set.migrations.map((m) => ({
      migration: m,
      underReview: opts.scope.kind === "changes" ? m.change === "added" || m.change === "modified" || m.change === "renamed" : true
    }))
  );
  const total = perSet.reduce((n, units) => n + lastReviewedIndex(units) + 1, 0);
  const ctx = {
    config,
    settings: effectiveSettings(allRules, config.preset, config.rules),
    scopeKind: opts.scope.kind,
    dryRun: opts.dryRun === true,
    keepHistory: opts.dryRun === true || opts.keepHistory === true,
    withoutTrees,
    calibration: await calibrationFor(config, opts.dryRun === true),
    extraFindings,
    parseAhead: parseAhead(meter)
  };
  const work = perSet.map((units) => units.slice(0, lastReviewedIndex(units) + 1));
  let done = 0;
  const step = (unit, count = 1) => {
    done += count;
    progress({ stage: unit.underReview ? "analyze" : "parse", done: done - 1, total, label: unit.migration.up.path });
  };
  const parallel = ctx.withoutTrees ? await runSetsInParallel(work, ctx, step, idleCores) : null;
  const results = parallel ?? work.map((units) => analyzeSet(units, ctx, step));
  const analyzed = results.flatMap((r) => r.analyzed);
  const { history, review: replayed } = replayOrder(work, results, ctx.keepHistory);
  const sources = /* @__PURE__ */ new Map();
  for (const { migration: m } of analyzed) {
    sources.set(m.up.path, m.up.text);
    if (m.down) sources.set(m.down.path, m.down.text);
  }
  progress({ stage: "analyze", done: total, total });
  const notes = discovered.notes.filter(
    (n) => changedPaths === null || n.path === void 0 || changedPaths.some((p) => p === n.path || p.startsWith(`${n.path}/`))
  );
  const reviewedPaths = new Set(analyzed.flatMap((a) => a.migration.down ? [a.migration.up.path, a.migration.down.path] : [a.migration.up.path]));
  const inScope2 = scopeFilter(opts.scope, reviewedPaths, await opts.files.list());
  const unrelated = /* @__PURE__ */ new Map();
  const countUnrelated = (what) => unrelated.set(what, (unrelated.get(what) ?? 0) + 1);
  for (const e of extraFindings) {
    if (reviewedPaths.has(e.path)) continue;
    if (!inScope2(e.path)) {
      countUnrelated(e.rule);
      continue;
    }
    errors.push({ path: e.path, line: e.line, column: e.column, message: e.message, rule: e.rule, risk: e.risk });
  }
  const discoveryErrors = errors.splice(0, errors.length);
  for (const e of discoveryErrors) {
    if (inScope2(e.path)) errors.push(e);
    else countUnrelated(e.rule ?? "parse error");
  }
  if (unrelated.size > 0) notes.push(unrelatedNote(unrelated));
  for (const a of analyzed) errors.push(...parseErrorsOf(a));
  let planVerification;
  if (opts.dryRun && analyzed.length > 0) {
    const { runDryRun, mergeDryRun, takeSnapshot } = await import("./dryrun-QIPDHTJI.js");
    const { VerifySession, verifySuggestions, verifyPlan, readColumnShapes, readMigrationShapes, hasShapeTargets } = await import("./verify-5Q4ROTQB.js");
    const engine = {
      engine: config.dryRun.engine,
      ...config.dryRun.databaseUrl ? { databaseUrl: config.dryRun.databaseUrl } : {},
      memoryLimitMb: config.dryRun.memoryLimitMb
    };
    const session = new VerifySession({ ...engine, targetMajor: config.pgVersion });
    try {
      const review = replayed.map((a) => ({ migration: a.migration, up: a.up, down: a.down }));
      session.useExtensionsOf({ base: history, review });
      const byId = new Map(analyzed.map((a) => [a.migration.id, a]));
      const result = await runDryRun(
        { base: history, review },
        {
          ...engine,
          statementTimeoutMs: config.dryRun.statementTimeoutMs,
          totalTimeoutMs: config.dryRun.totalTimeoutMs,
          seedRows: config.dryRun.seedRows,
          // As the analysis judges them: a change's migrations deploy together (what one creates
          // is new and empty to the next); a whole-history review replays a history that ran.
          seedBefore: opts.scope.kind === "changes" ? "base" : "each",
          targetMajor: config.pgVersion,
          onProgress: progress,
          provider: session.provider,
          // What the plan and its verification need from a database holding the migrations as
          // written, read from the dry-run's while it is one: no second database to build.
          observe: {
            before: async (db, m) => {
              const a = byId.get(m.migration.id);
              if (!a || !hasShapeTargets(a)) return;
              await readMigrationShapes(db, a);
              session.shapesRead.add(a.migration.id);
            },
            after: async (db) => session.rememberSchema({ base: history, review }, await takeSnapshot(db))
          }
        }
      );
      for (const a of analyzed) {
        const r = result.results.get(a.migration.id);
        const compared = r?.rollback?.status === "exact" || r?.rollback?.status === "incomplete";
        if (r) a.report = mergeDryRun(compared ? withoutStaticRollbackGuess(a) : a.report, { ...r, targetPgVersion: config.pgVersion });
      }
      const newer = newerEngineNote(result.results.values(), config.pgVersion);
      if (newer) notes.push(newer);
      const verifyOpts = {
        ...engine,
        seedRows: config.dryRun.seedRows || 100,
        statementTimeoutMs: config.dryRun.statementTimeoutMs,
        totalTimeoutMs: config.dryRun.totalTimeoutMs,
        session
      };
      await verifySuggestions(history, replayed, { ...verifyOpts, fallback: (f) => ruleById(f.rule)?.docs.instead });
      await readColumnShapes(history, replayed, verifyOpts);
      const { buildPlan, planDocument } = await import("./plan-XFNRTO57.js");
      const plan = buildPlan(analyzed, { pgVersion: config.pgVersion });
      if (plan.phases.length > 0) planVerification = await verifyPlan(planDocument(plan, config.pgVersion), { base: history, review }, verifyOpts);
    } finally {
      await session.dispose();
    }
  }
  for (const a of analyzed) {
    if (a.migration.upAsBase) a.report = withoutUpFindings(a);
    if (errors.some((e) => e.path === a.migration.up.path && (e.risk ?? "DANGEROUS") === "DANGEROUS")) a.report.risk = "DANGEROUS";
    a.report.impact = impactOf(a.report, a.transaction, config);
  }
  const migrations = analyzed.map((a) => a.report);
  const report = {
    version: 1,
    risk: maxRisk(...migrations.map((m) => m.risk), ...errors.map((e) => e.risk ?? "DANGEROUS")),
    migrations,
    errors: dedupeErrors(errors),
    pgVersion: config.pgVersion,
    ...notes.length ? { notes } : {}
  };
  return { report, migrations: analyzed, sources, history, ...planVerification ? { planVerification } : {} };
}
function scopeFilter(scope, reviewed, listed) {
  if (scope.kind !== "changes") return () => true;
  const changed = new Set(scope.changes.flatMap((c) => c.previousPath ? [c.path, c.previousPath] : [c.path]));
  const files = new Set(listed);
  return (path2) => reviewed.has(path2) || changed.has(path2) || !files.has(path2);
}
function unrelatedNote(counts) {
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const what = [...counts.entries()].sort(([a], [b]) => byCodeUnit(a, b)).map(([rule, n]) => `${n} ${rule}`).join(", ");
  return {
    message: `the base branch already has ${total} problem${total === 1 ? "" : "s"} in files this change does not touch (${what}); they are not part of this review (run \`migration-guard check\` without --base to list them)`
  };
}
function newerEngineNote(results, target) {
  for (const r of results) {
    const major = Number(/^(\d+)/.exec(r.serverVersion)?.[1]);
    if (!Number.isInteger(major) || major <= target) continue;
    return {
      message: `the dry-run ran on ${r.engine}, PostgreSQL ${r.serverVersion}, but the target is PostgreSQL ${target} (pgVersion): syntax or behaviour that PostgreSQL ${target} lacks may pass the dry-run and still fail in production; run the dry-run on PostgreSQL ${target} (engine url or local) to be sure`
    };
  }
  return void 0;
}
function replayOrder(work, results, keep) {
  const history = [];
  const review = [];
  work.forEach((units, i) => {
    const { analyzed, history: past } = results[i];
    let lastPast = -1;
    units.forEach((u, j) => {
      if (!u.underReview && u.migration.change !== "deleted") lastPast = j;
    });
    const pastById = new Map(past.map((h) => [h.migration.id, h]));
    const analyzedById = new Map(analyzed.map((a) => [a.migration.id, a]));
    units.forEach((u, j) => {
      const a = analyzedById.get(u.migration.id);
      if (!a) {
        const h = pastById.get(u.migration.id);
        if (h) history.push(h);
      } else if (j < lastPast) {
        a.migration = { ...a.migration, historyFollows: true };
        if (keep) history.push({ migration: a.migration, up: a.up, down: a.down });
      } else review.push(a);
    });
  });
  return { history, review };
}
function lastReviewedIndex(units) {
  for (let i = units.length - 1; i >= 0; i--) if (units[i].underReview) return i;
  return -1;
}
function withoutStaticRollbackGuess(a) {
  const findings = a.report.findings.filter((f) => f.rule !== "rollback-mismatch" && f.rule !== "rollback-incomplete");
  if (findings.length === a.report.findings.length) return a.report;
  const parseRisk = a.up.errors.length ? ["DANGEROUS"] : [];
  return { ...a.report, findings, risk: maxRisk(...findings.map((f) => f.risk), ...parseRisk) };
}
function parseErrorsOf(a) {
  const up = a.migration.upAsBase ? [] : a.up.errors;
  return [...up, ...a.down?.errors ?? []].map((e) => ({ path: e.path, line: e.line, column: e.column, message: e.message }));
}
var NOT_THE_UPS = /* @__PURE__ */ new Set([
  "rollback-missing",
  "rollback-empty",
  "rollback-mismatch",
  "rollback-incomplete",
  "rollback-reapply-failed",
  "rollback-orphan",
  "migration-edited",
  "migration-out-of-order",
  "duplicate-version"
]);
function withoutUpFindings(a) {
  const down = a.migration.down?.path;
  const findings = a.report.findings.filter((f) => NOT_THE_UPS.has(f.rule) || down !== void 0 && down !== a.migration.up.path && f.path === down);
  const report = { ...a.report, operations: [], findings, risk: maxRisk(...findings.map((f) => f.risk)) };
  delete report.irreversible;
  return report;
}
function dedupeErrors(errors) {
  const seen = /* @__PURE__ */ new Set();
  return errors.filter((e) => {
    const key = `${e.path}:${e.line}:${e.column}:${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
var LAID_OUT_FREELY = /* @__PURE__ */ new Set(["sql", "plpgsql"]);
function withBodyTokens(ast) {
  const fn = ast.CreateFunctionStmt;
  const block = ast.DoStmt;
  const options = fn?.options ?? block?.args;
  if (!options) return ast;
  const defs = options.map((o) => o.DefElem);
  const language = defs.find((d) => d?.defname === "language")?.arg?.String?.sval ?? (block ? "plpgsql" : void 0);
  if (!language || !LAID_OUT_FREELY.has(language.toLowerCase())) return ast;
  const copy = JSON.parse(JSON.stringify(ast));
  const copied = copy.CreateFunctionStmt?.options ?? copy.DoStmt?.args;
  for (const o of copied) {
    const d = o.DefElem;
    if (d?.defname !== "as") continue;
    const strings = d.arg.List?.items ?? [d.arg];
    for (const item of strings) {
      const str = item?.String;
      if (str?.sval !== void 0) str.sval = routineBodyTokens(str.sval);
    }
  }
  return copy;
}
function sameStatements(a, b, opts) {
  const pa = parseSource({ path: "base.sql", text: a }, opts);
  const pb = parseSource({ path: "head.sql", text: b }, opts);
  if (pa.errors.length > 0 || pb.errors.length > 0) return false;
  const trees = (p) => p.statements.filter((s) => !s.nestedIn).map((s) => JSON.stringify(withBodyTokens(s.ast), (k, v) => k === "location" ? void 0 : v));
  const meta = (p) => (p.metaCommands ?? []).map((m) => `${m.name} ${m.argument}`);
  const actions = (text) => opts.goTemplates ? (text.match(/\{\{[^{}]*\}\}/g) ?? []).map((t) => t.replace(/\s+/g, " ")) : [];
  const same = (x, y) => x.length === y.length && x.every((t, i) => t === y[i]);
  return same(trees(pa), trees(pb)) && same(meta(pa), meta(pb)) && same(actions(a), actions(b));
}

// src/discover/fs-files.ts
import { execFile } from "node:child_process";
import { existsSync as existsSync2, readFileSync, realpathSync } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
var run = promisify(execFile);
var SKIPPED_DIRS = /* @__PURE__ */ new Set([".git", "node_modules"]);
function fsRepoFiles(dir, scope) {
  const root = path.resolve(dir);
  let listing;
  let realRoot;
  const depths = scope ? deepestPerDir(scope) : null;
  return {
    list() {
      listing ??= depths ? gitListing(root, [...depths.keys()]).then(async (files) => (files ?? await walkScoped(root, depths)).filter((p) => inScope(depths, p))) : gitListing(root).then((files) => files ?? walk(root));
      return listing;
    },
    async read(rel) {
      const full = path.resolve(root, rel);
      try {
        if (isInside(root, full)) {
          const real = realpathSync.native(full);
          if (!isInside(realRoot ??= realpathSync.native(root), real)) throw new OutsideRepositoryError(rel);
          return new Uint8Array(readFileSync(real));
        }
        return new Uint8Array(readFileSync(full));
      } catch (e) {
        if (e.code !== "ENOENT" || !(await (listing ?? Promise.resolve([]))).includes(rel)) throw e;
        const blob = await indexBlob(root, rel);
        if (blob) return blob;
        throw e;
      }
    }
  };
}
async function indexBlob(root, rel) {
  if (/[\n\r]/.test(rel) || rel.startsWith("-")) return null;
  try {
    const out = await run("git", ["cat-file", "blob", `:./${rel}`], {
      cwd: root,
      encoding: "buffer",
      maxBuffer: 1 << 30,
      env: { ...process.env, GIT_NO_LAZY_FETCH: "1" }
    });
    return new Uint8Array(out.stdout);
  } catch {
    return null;
  }
}
var OutsideRepositoryError = class extends Error {
  constructor(path2) {
    super(`${path2} is a symbolic link that leads outside the repository; it is not followed and nothing outside the repository is read`);
    this.path = path2;
    this.name = "OutsideRepositoryError";
  }
  path;
};
function isInside(root, full) {
  const rel = path.relative(root, full);
  return rel === "" || !rel.startsWith("..") && !path.isAbsolute(rel);
}
function gitWorkTreeOf(dir) {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    if (existsSync2(path.join(d, ".git"))) return d;
    if (path.dirname(d) === d) return null;
  }
}
async function gitListing(root, dirs) {
  if (gitWorkTreeOf(root) === null) return null;
  const git = (args) => run("git", args, { cwd: root, maxBuffer: 1 << 30, encoding: "utf8" });
  const limit = dirs ? ["--", ...[...new Set(dirs)].map((d) => `:(literal)${d || "."}`)] : [];
  try {
    const [all, deleted] = await Promise.all([
      git(["ls-files", "-z", "--cached", "--others", "--exclude-standard", ...limit]),
      git(["ls-files", "-z", "--deleted", ...limit])
    ]);
    const gone = new Set(deleted.stdout.split("\0"));
    const files = all.stdout.split("\0").filter((f) => f !== "" && !gone.has(f) && !f.split("/").some((s) => SKIPPED_DIRS.has(s)));
    return [...new Set(files)].sort();
  } catch {
    return null;
  }
}
async function walk(root) {
  const out = [];
  const visit = async (rel) => {
    const entries = await readdir(path.join(root, rel), { withFileTypes: true });
    for (const e of entries) {
      const child = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (!SKIPPED_DIRS.has(e.name)) await visit(child);
      } else if (e.isFile()) out.push(child);
    }
  };
  await visit("");
  return out.sort();
}
function deepestPerDir(scope) {
  const depths = /* @__PURE__ */ new Map();
  for (const s of scope) depths.set(s.dir, Math.max(depths.get(s.dir) ?? -1, s.depth));
  return depths;
}
function inScope(depths, p) {
  let levels = 0;
  for (let d = p; d !== ""; levels++) {
    const i = d.lastIndexOf("/");
    d = i < 0 ? "" : d.slice(0, i);
    const depth = depths.get(d);
    if (depth !== void 0 && levels <= depth) return true;
  }
  return false;
}
async function walkScoped(root, depths) {
  const out = /* @__PURE__ */ new Set();
  const subdirs = /* @__PURE__ */ new Map();
  const visit = async (rel, depth) => {
    let entries;
    try {
      entries = await readdir(path.join(root, rel), { withFileTypes: true });
    } catch {
      return;
    }
    const dirs = /* @__PURE__ */ new Set();
    subdirs.set(rel, dirs);
    for (const e of entries) {
      const child = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        dirs.add(e.name);
        if (depth > 0 && !SKIPPED_DIRS.has(e.name)) await visit(child, depth - 1);
      } else if (e.isFile()) out.add(child);
    }
  };
  for (const dir of [...depths.keys()].sort()) {
    const i = dir.lastIndexOf("/");
    const seen = subdirs.get(i < 0 ? "" : dir.slice(0, i));
    if (dir !== "" && seen && !seen.has(dir.slice(i + 1))) continue;
    await visit(dir, depths.get(dir));
  }
  return [...out].sort();
}

// src/report/diagnostics.ts
var defaultRuleLookup = ruleById;
var PARSE_ERROR_RULE = "parse-error";
var DRY_RUN_ERROR_RULE = "dry-run-error";
var DRY_RUN_FINDING_RULES = /* @__PURE__ */ new Set(["dry-run-failed", "dry-run-refused", "dry-run-unobserved", "rollback-incomplete", "rollback-reapply-failed"]);
function suggestionLabel(d) {
  if (d.suggestionRuns === "before") return "Before it, run";
  const also = (d.alsoReplaces ?? []).map((r) => r.line);
  if (also.length === 0) return "Instead";
  return `Instead of it and the statement${also.length > 1 ? "s" : ""} at line${also.length > 1 ? "s" : ""} ${also.join(", ")}`;
}
function collectDiagnostics(result, lookup = defaultRuleLookup) {
  const out = [];
  const seenErrors = /* @__PURE__ */ new Set();
  const extents = new ExtentCache(result.sources);
  result.report.migrations.forEach((mr, i) => {
    const am = result.migrations[i];
    for (const f of mr.findings) {
      const path2 = f.path ?? mr.path;
      const statement = f.statement !== void 0 && am ? findStatement(am, path2, f.statement) : void 0;
      const atStatement = statement && statement.line === f.line && statement.column === f.column;
      out.push({
        kind: "finding",
        ruleId: f.rule,
        risk: f.risk,
        path: path2,
        line: f.line,
        column: f.column,
        ...atStatement ? extents.end(path2, statement) : {},
        message: f.message,
        ...f.suggestion ? { suggestion: f.suggestion } : {},
        ...f.suggestion && f.suggestionRuns === "before" ? { suggestionRuns: "before" } : {},
        ...f.suggestion && f.alsoReplaces?.length ? { alsoReplaces: f.alsoReplaces } : {},
        ...withRule(lookup(f.rule)),
        ...statement ? { statement } : {},
        migration: i
      });
    }
    for (const src of am ? [am.up, am.down] : []) {
      for (const e of src?.errors ?? []) pushError(out, seenErrors, { ...e, kind: "parse-error", migration: i });
    }
    const covered = mr.findings.some((f) => DRY_RUN_FINDING_RULES.has(f.rule));
    if (!covered) for (const e of dryRunErrors(mr.dryRun)) pushError(out, seenErrors, { ...e, kind: "dry-run-error", migration: i });
  });
  for (const e of result.report.errors) {
    const migration = result.report.migrations.findIndex((m) => m.path === e.path || m.rollback.path === e.path);
    if (e.rule) {
      out.push({
        kind: "finding",
        ruleId: e.rule,
        risk: e.risk ?? "DANGEROUS",
        path: e.path,
        line: e.line,
        column: e.column,
        message: e.message,
        ...withRule(lookup(e.rule)),
        ...migration >= 0 ? { migration } : {}
      });
      continue;
    }
    pushError(out, seenErrors, { ...e, kind: "parse-error", ...migration >= 0 ? { migration } : {} });
  }
  return out;
}
function pushError(out, seen, e) {
  const key = `${e.path}\0${e.line}\0${e.column}\0${e.message}`;
  if (seen.has(key)) return;
  seen.add(key);
  out.push({
    kind: e.kind,
    ruleId: e.kind === "parse-error" ? PARSE_ERROR_RULE : DRY_RUN_ERROR_RULE,
    risk: "DANGEROUS",
    path: e.path,
    line: e.line,
    column: e.column,
    message: e.message,
    ...e.sqlstate ? { sqlstate: e.sqlstate } : {},
    ...e.migration !== void 0 ? { migration: e.migration } : {}
  });
}
function dryRunErrors(dr) {
  if (!dr) return [];
  const errors = [];
  for (const t of dr.statements) if (t.error) errors.push(t.error);
  if (dr.error) errors.push(dr.error);
  for (const t of dr.rollbackStatements ?? []) if (t.error) errors.push(t.error);
  if (dr.rollback?.error) errors.push(dr.rollback.error);
  return errors.map((e) => ({
    path: e.path,
    line: e.line,
    column: e.column,
    message: e.sqlstate ? `${e.message} (SQLSTATE ${e.sqlstate})` : e.message,
    sqlstate: e.sqlstate
  }));
}
function withRule(rule) {
  return rule ? { rule } : {};
}
function sourceFor(am, path2) {
  if (am.up.path === path2) return am.up;
  if (am.down && am.down.path === path2) return am.down;
  return null;
}
function findStatement(am, path2, index) {
  const statements = sourceFor(am, path2)?.statements;
  const at = statements?.[index];
  return at?.index === index ? at : statements?.find((s) => s.index === index);
}
var ExtentCache = class {
  constructor(sources) {
    this.sources = sources;
  }
  sources;
  indexes = /* @__PURE__ */ new Map();
  end(path2, stmt) {
    let index = this.indexes.get(path2);
    if (index === void 0) {
      const text = this.sources.get(path2);
      index = text === void 0 ? null : new LineIndex(text);
      this.indexes.set(path2, index);
    }
    if (!index || stmt.end <= stmt.start) return {};
    const end = index.position(stmt.end);
    return { endLine: end.line, endColumn: end.column };
  }
};
function bySeverity(a, b) {
  return riskRank(b.risk) - riskRank(a.risk) || byCodeUnit(a.path, b.path) || a.line - b.line || a.column - b.column;
}

// src/report/markdown/escape.ts
function cell(text) {
  return inert(text.replace(/\r?\n/g, " ")).replace(/\|/g, "\\|").trim();
}
function code(text) {
  const flat = text.replace(/\r?\n/g, " ");
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((m) => m.length));
  const fence = "`".repeat(longest + 1);
  const pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
  return `${fence}${pad}${flat}${pad}${fence}`;
}
function fenced(lang, body) {
  const longest = Math.max(2, ...(body.match(/`{3,}/g) ?? []).map((m) => m.length));
  const fence = "`".repeat(longest + 1);
  return `${fence}${lang}
${body}
${fence}`;
}
function prose(text) {
  return inert(text);
}
function copiesFromCell(text) {
  const t = text.trim();
  return !/[\r\n|]| {2}/.test(t) && inert(t) === entities(t);
}
function entities(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
var ZWSP = "\u200B";
function inert(text) {
  return entities(text).replace(/([[\]])/g, "\\$1").replace(/@/g, `@${ZWSP}`).replace(/#(?=\d)/g, `#${ZWSP}`).replace(/\b(https?|ftp)(?=:\/\/)/gi, `$1${ZWSP}`).replace(/\bwww\./gi, `www${ZWSP}.`);
}

// src/report/markdown/mermaid.ts
var MAX_BARS = 40;
function label(text) {
  return text.replace(/[:;#]/g, " ").replace(/\s+/g, " ").trim();
}
function lockGantt(dryRun, title2) {
  let t = 0;
  const bars = [];
  for (const s of dryRun.statements) {
    const start = t;
    t += Math.max(0, s.durationMs);
    for (const lock of s.locks) {
      if (!lock.preExisting) continue;
      const end = start + Math.max(1, Math.round(lock.heldMs));
      bars.push({
        section: lock.relation,
        name: `${lockModeSql(lock.mode)} line ${s.line}`,
        start: Math.round(start),
        end: Math.max(Math.round(start) + 1, end),
        crit: blocksWrites(lock.mode)
      });
    }
  }
  if (bars.length === 0) return void 0;
  const shown = bars.slice(0, MAX_BARS);
  const sections = [...new Set(shown.map((b) => b.section))];
  const lines2 = ["gantt", `  title ${label(title2)}`, "  dateFormat x", "  axisFormat %S.%L s"];
  for (const section of sections) {
    lines2.push(`  section ${label(section)}`);
    for (const b of shown.filter((x) => x.section === section)) {
      lines2.push(`  ${label(b.name)} :${b.crit ? "crit, " : ""}${b.start}, ${b.end}`);
    }
  }
  return lines2.join("\n");
}

// src/report/dry-run-version.ts
function serverAndTarget(d) {
  return `PostgreSQL ${d.serverVersion}${d.targetPgVersion !== void 0 ? `, target ${d.targetPgVersion}` : ""}`;
}

// src/report/seed-text.ts
function seedHeadline(seed) {
  if (seed.tables.length === 0) return `no rows seeded: ${seed.reason ?? "no table could be filled"}`;
  const tables = seed.tables.length === 1 ? "in 1 table" : `in each of ${seed.tables.length} tables`;
  return `seeded ${seed.rows} row${seed.rows === 1 ? "" : "s"} ${tables}`;
}
function seedSummary(seed) {
  const n = seed.skipped.length;
  return `${seedHeadline(seed)}${n ? `; ${n} table${n === 1 ? "" : "s"} skipped` : ""}`;
}
function seedSkipped(seed) {
  return seed.skipped.map((s) => `${s.table} (${s.reason})`);
}

// src/report/impact-text.ts
function blockingText(impact) {
  if (!impact || impact.blockingMs === void 0) return void 0;
  if (impact.blockingMs === 0) return "none: no lock that blocks reads or writes on a table of known size";
  const on = impact.blockingOn ? ` ${lockModeSql(impact.blockingOn.lock)} on ${impact.blockingOn.table}` : "";
  return `${formatRange(impact.blockingMs, impact.blockingLow, impact.blockingHigh)}${on}`;
}
function dataLossText(impact) {
  return impact.dataLoss === "none" ? "none" : `irreversible${impact.dataLossDetail ? `: ${impact.dataLossDetail}` : ""}`;
}
function performanceText(impact) {
  if (impact.bytesRewritten === void 0) return void 0;
  const parts = [];
  if (impact.bytesRewritten) parts.push(`${formatBytes(impact.bytesRewritten)} rewritten`);
  if (impact.bytesScanned) parts.push(`${formatBytes(impact.bytesScanned)} scanned`);
  if (impact.walBytes) parts.push(`~${formatBytes(impact.walBytes)} of WAL`);
  return parts.length ? parts.join(", ") : "no table data read or written";
}
var ROLLBACK_TEXT = {
  "schema-only": "schema only",
  "needs-data-restore": "needs a data restore",
  impossible: "impossible"
};
function estimated(m) {
  return m.operations.filter((o) => o.estimate !== void 0);
}
function estimateText(o) {
  const e = o.estimate;
  const blocks = e.blocks === "none" ? "blocks neither reads nor writes" : `blocks ${e.blocks}`;
  return `${formatRange(e.durationMs, e.low, e.high)}, ${lockModeSql(e.lock)} ${blocks}`;
}

// src/report/markdown/impact.ts
var MAX_BARS2 = 30;
function impactBlock(m) {
  const impact = m.impact;
  if (!impact) return "";
  const blocking = blockingText(impact);
  const perf = performanceText(impact);
  if (blocking === void 0 && impact.dataLoss === "none" && impact.prerequisites.length === 0) return "";
  const rows = [["Risk", impact.risk]];
  if (blocking !== void 0) rows.push(["Estimated blocking time", cell(blocking)]);
  rows.push(["Data loss", cell(dataLossText(impact))]);
  if (perf) rows.push(["Performance impact", cell(perf)]);
  rows.push(["Rollback", ROLLBACK_TEXT[impact.rollback]]);
  if (impact.prerequisites.length) rows.push(["Do first", cell(impact.prerequisites.join("; "))]);
  const out = ["#### Impact", "", "| | |", "|---|---|", ...rows.map(([k, v]) => `| ${k} | ${v} |`)];
  const ops = estimated(m).filter((o) => o.estimate.durationMs >= 10 || o.estimate.lockMs > 0);
  if (ops.length) {
    out.push("", "| Line | Operation | Table | Runs | Lock | Blocks | Based on |", "|---|---|---|---|---|---|---|");
    for (const o of ops) {
      const e = o.estimate;
      out.push(`| ${o.line} | ${code(o.kind)} | ${codeCell(o.table ?? "")} | ${cell(formatRange(e.durationMs, e.low, e.high))} | ${blocksWrites(e.lock) ? "\u{1F534} " : ""}${lockModeSql(e.lock)} | ${e.blocks} | ${cell(e.basis)} |`);
    }
    const chart = estimatedGantt(m);
    if (chart) out.push("", fenced("mermaid", chart));
  }
  return out.join("\n");
}
function codeCell(text) {
  return code(text).replace(/\|/g, "\\|");
}
function label2(text) {
  return text.replace(/[^\p{L}\p{N}_ .()-]/gu, " ").replace(/\s+/g, " ").trim().slice(0, 80) || "?";
}
function estimatedGantt(m) {
  const ops = estimated(m).filter((o) => o.estimate.durationMs > 0).slice(0, MAX_BARS2);
  if (ops.length === 0) return void 0;
  let t = 0;
  const total = ops.reduce((a, o) => a + o.estimate.durationMs, 0);
  const lines2 = ["gantt", `  title ${label2(`Estimated locks on production, ${m.path}`)}`, "  dateFormat x", `  axisFormat ${total >= 6e4 ? "%M:%S" : "%S.%L s"}`];
  const tables = [...new Set(ops.map((o) => o.table ?? ""))];
  for (const table2 of tables) {
    lines2.push(`  section ${label2(table2)}`);
    t = 0;
    for (const o of ops) {
      const start = Math.round(t);
      t += o.estimate.durationMs;
      if ((o.table ?? "") !== table2) continue;
      const crit = blocksWrites(o.estimate.lock) ? "crit, " : "";
      lines2.push(`  ${label2(`${lockModeSql(o.estimate.lock)} line ${o.line} ${o.kind}`)} :${crit}${start}, ${Math.max(start + 1, Math.round(t))}`);
    }
  }
  return lines2.join("\n");
}

// src/report/markdown/sections.ts
var RISK_ICON = { SAFE: "\u{1F7E2}", CAUTION: "\u{1F7E1}", DANGEROUS: "\u{1F534}" };
function plural(n, one, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}
function dryRunFailed(m) {
  const d = m.dryRun;
  return (d?.status === "failed" || d?.status === "base-failed") && !m.findings.some((f) => DRY_RUN_FINDING_RULES.has(f.rule));
}
function headline(result) {
  const ms = result.report.migrations;
  const count = (r) => ms.filter((m) => m.risk === r).length;
  const findings = ms.reduce((n, m) => n + m.findings.length, 0);
  const parts = [
    plural(ms.length, "migration"),
    ...["DANGEROUS", "CAUTION", "SAFE"].filter((r) => count(r) > 0).map((r) => `${count(r)} ${r.toLowerCase()}`),
    plural(findings, "finding")
  ];
  const errors = result.report.errors.filter((e) => !e.rule).length;
  if (errors) parts.push(plural(errors, "parse error"));
  const other = result.report.errors.filter((e) => e.rule).length;
  if (other) parts.push(plural(other, "problem") + " outside any migration");
  const failed = ms.filter((m) => dryRunFailed(m)).length;
  if (failed) parts.push(plural(failed, "dry-run failure"));
  const risk = result.report.risk;
  if (ms.length === 0) return `## ${RISK_ICON.SAFE} migration-guard: no migrations in this change`;
  return `## ${RISK_ICON[risk]} migration-guard: ${risk}

${parts.join(" \xB7 ")}`;
}
function rollbackCell(m) {
  const status = m.rollback.status;
  const base = status === "present" ? "\u2705 present" : status === "missing" ? "\u274C missing" : "\u2796 not required";
  const checked = m.dryRun?.rollback?.status;
  if (status !== "present" || !checked || checked === "not-run") return base;
  return `${base} \xB7 ${checked === "exact" ? "restores the schema" : checked === "incomplete" ? "\u26A0\uFE0F incomplete" : "\u274C fails"}`;
}
function dryRunCell(d) {
  if (!d) return "not run";
  switch (d.status) {
    case "passed":
      return `\u2705 passed (${plural(d.statements.length, "statement")}, ${Math.round(d.durationMs)} ms)`;
    case "skipped":
      return `\u23ED\uFE0F skipped${d.reason ? `: ${d.reason}` : ""}`;
    case "base-failed":
      return `\u26A0\uFE0F base history failed${d.reason ? `: ${d.reason}` : ""}`;
    case "failed": {
      const err = d.statements.find((s) => s.error)?.error;
      return err ? `\u274C failed at line ${err.line}: ${err.message}` : `\u274C failed${d.reason ? `: ${d.reason}` : ""}`;
    }
  }
}
function migrationsTable(result, rows) {
  const ms = result.report.migrations;
  if (ms.length === 0) return "";
  const shown = rows === void 0 ? ms : ms.slice(0, rows);
  const lines2 = ["| Migration | Risk | Rollback | Dry-run |", "|---|---|---|---|"];
  for (const m of shown) {
    lines2.push(`| ${code(m.path)} | ${RISK_ICON[m.risk]} ${m.risk} | ${cell(rollbackCell(m))} | ${cell(dryRunCell(m.dryRun))} |`);
  }
  if (shown.length < ms.length) lines2.push(`| \u2026 and ${ms.length - shown.length} more | | | |`);
  return lines2.join("\n");
}
function approvalBlock(result, o) {
  const risk = result.report.risk;
  if (!atLeast(risk, o.approvalRisk) || result.report.migrations.length === 0) return "";
  if (o.approval) {
    const a = o.approval;
    return `\u2705 **Approved** by @${a.approver} on ${a.at.slice(0, 10)} for ${code(a.headSha.slice(0, 7))}${a.reason ? `: ${prose(a.reason)}` : ""}`;
  }
  if (o.approvalVoidedReason) {
    return `\u26A0\uFE0F **The earlier approval no longer applies:** ${prose(o.approvalVoidedReason)}. This change needs a new approval: comment ${code("/approve-migration <reason>")}.`;
  }
  const failed = result.planVerification?.plan.status === "failed";
  return `\u26D4 **This change needs approval** before it can merge (risk ${risk}, threshold ${o.approvalRisk}): ${failed ? "the plan below failed its verification, so fix the migration" : "follow the plan below"}, or comment ${code("/approve-migration <reason>")}.`;
}
function errorsBlock(result) {
  const parse = result.report.errors.filter((e) => !e.rule);
  const other = result.report.errors.filter((e) => e.rule);
  const out = [];
  if (parse.length) out.push("**Parse errors** (the migration is DANGEROUS until it parses):", "", ...parse.map((e) => `- ${code(`${e.path}:${e.line}:${e.column}`)} ${prose(e.message)}`));
  if (other.length) {
    if (out.length) out.push("");
    out.push("**Outside any migration:**", "", ...other.map((e) => `- ${RISK_ICON[e.risk ?? "DANGEROUS"]} ${code(e.rule)} ${code(`${e.path}:${e.line}:${e.column}`)} ${prose(e.message)}`));
  }
  const notes = result.report.notes ?? [];
  if (notes.length) {
    if (out.length) out.push("");
    out.push(...notes.map((n) => `> \u2139\uFE0F ${n.path ? `${code(n.path)}: ` : ""}${prose(n.message)}`));
  }
  return out.join("\n");
}
function planOverview(plan, verification) {
  if (plan.phases.length === 0 && plan.notes.length === 0) return "";
  const v = verification?.plan;
  const out = [v?.status === "failed" ? "### Plan (failed verification: not safe as it is)" : "### Safe plan", ""];
  if (v?.status === "failed") out.push(`\u274C **This plan failed verification: do not run it as is.** ${prose(verificationLine(v))}`, "");
  else if (v) out.push(`${v.status === "verified" ? "\u2705 Run phase by phase, it ends in the schema the migrations produce: " : ""}${prose(verificationLine(v))}.`, "");
  plan.phases.forEach((p, i) => {
    const n = p.steps.filter((s) => s.sql.length > 0).length;
    const pv = verification?.phases[i];
    const mark2 = pv ? ` \u2014 ${pv.status === "verified" ? "\u2705" : pv.status === "failed" ? "\u274C" : "\u26AA"} ${prose(verificationLine(pv))}` : "";
    out.push(`${i + 1}. **${prose(p.title)}**${n ? ` (${plural(n, "step")})` : ""}${mark2}`);
    if (p.appMustDo) out.push(`   - Before the next phase: ${prose(p.appMustDo)}`);
    out.push(`   - Roll back: ${prose(p.rollback)}`);
  });
  if (plan.notes.length) {
    out.push("", "<details><summary>Notes on the plan</summary>", "", ...plan.notes.map((n) => `- ${prose(n)}`), "", "</details>");
  }
  return out.join("\n");
}
function findingsTable(m, o) {
  if (m.findings.length === 0) return "_No findings._";
  const lines2 = ["| | Rule | Line | Why |", "|---|---|---|---|"];
  const below = [];
  for (const f of m.findings) {
    const title2 = o.ruleTitle(f.rule);
    const rule = `[${f.rule}](${o.docsUrl(f.rule)})${title2 ? `<br>${cell(title2)}` : ""}`;
    const checked = f.suggestionVerification?.status === "verified" ? ` _(${cell(verificationLine(f.suggestionVerification))})_` : "";
    let suggestion = "";
    if (f.suggestion && copiesFromCell(f.suggestion)) suggestion = `<br>**${suggestionLabel(f)}:** ${cell(f.suggestion)}${checked}`;
    else if (f.suggestion) {
      const label3 = `S${below.length + 1}`;
      suggestion = `<br>**${suggestionLabel(f)}:** the SQL ${label3} below${checked}`;
      below.push({ label: label3, head: `**${label3}** (line ${f.line}, ${code(f.rule)}):`, sql: f.suggestion.trim() });
    }
    const why = cell(f.message) + suggestion;
    const where = f.path && f.path !== m.path ? `${cell(f.path)}:${f.line}` : String(f.line);
    lines2.push(`| ${RISK_ICON[f.risk]} | ${rule} | ${where} | ${why} |`);
  }
  for (const b of below) lines2.push("", b.head, "", fenced("sql", b.sql));
  return lines2.join("\n");
}
function statementText(a, index) {
  const s = findStatement(a, a.up.path, index);
  if (!s) return "";
  const flat = s.text.replace(/\s+/g, " ").trim();
  return flat.length > 60 ? `${flat.slice(0, 57)}\u2026` : flat;
}
function locksBlock(a) {
  const d = a.report.dryRun;
  if (!d || d.statements.length === 0) return "";
  const rows = [];
  for (const s of d.statements) {
    const locks = s.locks.filter((l) => l.preExisting);
    for (const l of locks) {
      rows.push(
        `| ${s.line} | ${code(statementText(a, s.statement))} | ${code(l.relation)} | ${blocksWrites(l.mode) ? "\u{1F534} " : ""}${lockModeSql(l.mode)} | ${Math.round(l.heldMs)} ms | ${s.rewrites.includes(l.relation) ? "rewritten" : ""} |`
      );
    }
  }
  const head = `#### Dry-run (${d.engine}, ${prose(serverAndTarget(d))}): ${prose(dryRunCell(d))}`;
  const out = [head];
  if (d.seed && d.seed.rows > 0) {
    const tables = d.seed.tables.length ? ` (${d.seed.tables.map(code).join(", ")})` : "";
    const skipped = seedSkipped(d.seed);
    const headline2 = seedHeadline(d.seed);
    out.push("", `${prose(headline2.charAt(0).toUpperCase() + headline2.slice(1))}${tables}.${skipped.length ? ` Not seeded: ${skipped.map(prose).join("; ")}.` : ""}`);
  }
  const err = d.statements.find((s) => s.error)?.error;
  if (err) out.push("", `${code(`${err.path}:${err.line}:${err.column}`)} ${code(err.sqlstate)} ${prose(err.message)}`);
  if (d.rollback && d.rollback.status !== "exact" && d.rollback.status !== "not-run") {
    out.push("", `Rollback: ${d.rollback.status}${d.rollback.differences.length ? ` (${plural(d.rollback.differences.length, "difference")}, see the findings)` : ""}`);
  }
  if (rows.length === 0) {
    out.push("", "_No lock on a table that existed before the migration._");
    return out.join("\n");
  }
  out.push("", "| Line | Statement | Table | Lock | Held | |", "|---|---|---|---|---|---|", ...rows);
  const chart = lockGantt(d, `Locks held by ${a.report.path}`);
  if (chart) out.push("", fenced("mermaid", chart));
  return out.join("\n");
}
function stepBlock(step) {
  const how = step.sql.length === 0 ? "" : step.transactional ? step.sql.length > 1 ? " _(one transaction)_" : "" : " _(outside a transaction)_";
  const out = [`- line ${step.line} \xB7 ${code(step.operationKind)}${how}: ${prose(step.description)}`];
  if (step.sql.length) out.push("", indentBlock(fenced("sql", step.sql.map((s) => `${s};`).join("\n")), "  "));
  return out.join("\n");
}
function indentBlock(text, by) {
  return text.split("\n").map((l) => by + l).join("\n");
}
function planForMigration(plan, path2) {
  const out = [];
  plan.phases.forEach((p, i) => {
    const steps = p.steps.filter((s) => s.migrationPath === path2);
    if (steps.length === 0) return;
    out.push(`**${i + 1}. ${prose(p.title)}**`, "", ...steps.map(stepBlock), "");
  });
  if (out.length === 0) return "";
  return ["#### Plan for this migration", "", ...out].join("\n").trimEnd();
}
function migrationDetails(a, plan, o, planFailed = false) {
  const m = a.report;
  const summary = [
    `<b>${prose(m.path)}</b>`,
    `${RISK_ICON[m.risk]} ${m.risk}`,
    plural(m.findings.length, "finding"),
    ...a.up.errors.length ? ["parse error"] : [],
    ...dryRunFailed(m) ? ["dry-run failed"] : []
  ].join(" \xB7 ");
  const parts = [`<details${m.risk === "DANGEROUS" ? " open" : ""}><summary>${summary}</summary>`, ""];
  for (const e of a.up.errors) parts.push(`\u274C Does not parse: ${code(`${e.path}:${e.line}:${e.column}`)} ${prose(e.message)}`, "");
  parts.push("#### Findings", "", findingsTable(m, o));
  const impact = impactBlock(m);
  if (impact) parts.push("", impact);
  const locks = locksBlock(a);
  if (locks) parts.push("", locks);
  const planText = planForMigration(plan, m.path);
  if (planText) parts.push("", planFailed ? planText.replace("#### Plan for this migration", "#### Plan for this migration (failed verification: do not run it as is)") : planText);
  parts.push("", "</details>");
  return parts.join("\n");
}
function migrationStub(m) {
  return `- ${code(m.path)} ${RISK_ICON[m.risk]} ${m.risk}: details left out of this comment (see the job summary or the JSON report).`;
}
function footer(result, o) {
  const links = [
    o.reportLinks?.jobSummary ? `[job summary](${o.reportLinks.jobSummary})` : "",
    o.reportLinks?.artifact ? `[JSON report](${o.reportLinks.artifact})` : ""
  ].filter(Boolean);
  const approve = atLeast(result.report.risk, o.approvalRisk) ? `To approve ${o.approvalRisk === "DANGEROUS" ? "a DANGEROUS" : `a ${o.approvalRisk} or riskier`} change, someone allowed to approve comments ${code("/approve-migration <reason>")}; a new push to the migrations voids it.` : `Changes at ${o.approvalRisk} or above need ${code("/approve-migration <reason>")} from someone allowed to approve.`;
  return ["---", `<sub>${approve}${links.length ? ` Full report: ${links.join(" \xB7 ")}.` : ""} Generated by migration-guard.</sub>`].join("\n");
}

// src/report/markdown/index.ts
var COMMENT_MARKER = "<!-- migration-guard -->";
var GITHUB_COMMENT_LIMIT = 65536;
var DEFAULT_MAX_LENGTH = 65e3;
function defaultDocsUrl(id) {
  return `https://github.com/migration-guard/migration-guard/blob/main/docs/rules.md#${id}`;
}
function sectionOptions(o) {
  return {
    approval: o.approval ?? null,
    approvalRisk: o.approvalRisk,
    ...o.approvalVoidedReason ? { approvalVoidedReason: o.approvalVoidedReason } : {},
    docsUrl: o.docsUrl ?? defaultDocsUrl,
    ruleTitle: o.ruleTitle ?? (() => void 0),
    ...o.reportLinks ? { reportLinks: o.reportLinks } : {}
  };
}
function assemble(result, plan, o, layout, marker, cut) {
  const blocks = [];
  if (marker) blocks.push(COMMENT_MARKER);
  blocks.push(headline(result));
  const approval = approvalBlock(result, o);
  if (approval) blocks.push(approval);
  const table2 = migrationsTable(result, layout.tableRows);
  if (table2) blocks.push(table2);
  const errors = errorsBlock(result);
  if (errors) blocks.push(errors);
  if (cut) {
    const where = [o.reportLinks?.jobSummary ? `[job summary](${o.reportLinks.jobSummary})` : "job summary", o.reportLinks?.artifact ? `[JSON report](${o.reportLinks.artifact})` : "JSON report"];
    blocks.push(`> [!NOTE]
> This comment is shortened to fit GitHub's size limit: details of the least risky migrations are left out. The ${where.join(" and the ")} have everything.`);
  }
  if (!layout.noOverview) {
    const overview = planOverview(plan, result.planVerification);
    if (overview) blocks.push(overview);
  }
  const details = result.migrations.map((a, i) => layout.stubbed.has(i) ? migrationStub(a.report) : migrationDetails(a, plan, o, result.planVerification?.plan.status === "failed"));
  if (details.length) blocks.push("### Migrations", details.join("\n\n"));
  blocks.push(footer(result, o));
  return blocks.join("\n\n") + "\n";
}
function renderComment(result, plan, opts) {
  const o = sectionOptions(opts);
  const max = Math.min(opts.maxLength ?? DEFAULT_MAX_LENGTH, GITHUB_COMMENT_LIMIT);
  const layout = { stubbed: /* @__PURE__ */ new Set() };
  let body = assemble(result, plan, o, layout, true, false);
  if (body.length <= max) return body;
  const order = result.migrations.map((a, i) => ({ i, rank: riskRank(a.report.risk) })).sort((x, y) => x.rank - y.rank || y.i - x.i).map((x) => x.i);
  for (const i of order) {
    layout.stubbed.add(i);
    body = assemble(result, plan, o, layout, true, true);
    if (body.length <= max) return body;
  }
  let rows = result.migrations.length;
  while (body.length > max && rows > 10) {
    rows = Math.floor(rows / 2);
    layout.tableRows = rows;
    body = assemble(result, plan, o, layout, true, true);
  }
  if (body.length > max) {
    layout.noOverview = true;
    body = assemble(result, plan, o, layout, true, true);
  }
  if (body.length > max) {
    const tail = "\n\n\u2026(cut to fit GitHub's size limit; see the job summary)\n";
    body = body.slice(0, max - tail.length) + tail;
  }
  return body;
}
function renderJobSummary(result, plan, opts) {
  return assemble(result, plan, sectionOptions(opts), { stubbed: /* @__PURE__ */ new Set() }, false, false);
}

// src/report/github.ts
function annotationLevel(risk) {
  return risk === "DANGEROUS" ? "error" : risk === "CAUTION" ? "warning" : "notice";
}
function renderAnnotations(result, opts = {}) {
  return collectDiagnostics(result, opts.ruleById ?? defaultRuleLookup).sort(bySeverity).map(toAnnotation);
}
function toAnnotation(d) {
  return {
    level: annotationLevel(d.risk),
    path: d.path,
    line: d.line,
    column: d.column,
    ...d.endLine !== void 0 && d.endLine > d.line ? { endLine: d.endLine } : {},
    title: title(d),
    message: d.suggestion ? `${d.message}

${suggestionLabel(d)}: ${d.suggestion}` : d.message
  };
}
function title(d) {
  switch (d.kind) {
    case "parse-error":
      return `${d.risk} parse error`;
    case "dry-run-error":
      return `${d.risk} dry-run failed`;
    case "finding":
      return d.rule ? `${d.risk} ${d.ruleId}: ${d.rule.title}` : `${d.risk} ${d.ruleId}`;
  }
}
function formatWorkflowCommands(annotations) {
  return annotations.map(formatWorkflowCommand).map((l) => l + "\n").join("");
}
function formatWorkflowCommand(a) {
  const props = [
    ["file", a.path],
    ["line", a.line],
    ["col", a.column]
  ];
  if (a.endLine !== void 0) props.push(["endLine", a.endLine]);
  props.push(["title", a.title]);
  const list = props.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(",");
  return `::${a.level} ${list}::${escapeData(a.message)}`;
}
function escapeData(s) {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(s) {
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

export {
  normalizePath,
  runCheck,
  fsRepoFiles,
  OutsideRepositoryError,
  gitWorkTreeOf,
  defaultRuleLookup,
  PARSE_ERROR_RULE,
  DRY_RUN_ERROR_RULE,
  suggestionLabel,
  collectDiagnostics,
  findStatement,
  code,
  fenced,
  prose,
  serverAndTarget,
  seedSummary,
  seedSkipped,
  blockingText,
  dataLossText,
  performanceText,
  ROLLBACK_TEXT,
  estimated,
  estimateText,
  approvalBlock,
  COMMENT_MARKER,
  defaultDocsUrl,
  renderComment,
  renderJobSummary,
  renderAnnotations,
  formatWorkflowCommands
};
