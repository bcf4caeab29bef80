/**
 * A tiny evaluator of the T-SQL string expressions the SQL Server data dialect writes (no server
 * can run here): literals, `[column]` bound to values, `+` (string concatenation, or integer
 * addition; a string and an integer together is an error, as SQL Server's conversion of '|' to INT
 * is), `-`, `/` (integers), `=`, CASE WHEN, COLLATE (ignored), and the functions the dialect uses: CAST/CONVERT to
 * character types, COALESCE, NULLIF, REPLACE, RTRIM, LEFT, RIGHT, LEN (code points, trailing spaces
 * excluded: SC collations), SUBSTRING, CHARINDEX, STUFF, LOWER. NULL propagates as SQL Server's
 * (CONCAT_NULL_YIELDS_NULL ON). Anything else throws, so an expression outside that subset is noticed.
 */

export type Value = string | number | Buffer | null;

/** DECIMAL(p, s) of a decimal text: rounded half away from zero to s digits (SQL Server's CAST rounds). */
export function decimalText(text: string, scale: number): string {
  const m = /^(-?)(\d+)(?:\.(\d*))?$/.exec(text.trim());
  if (m === null) throw new Error(`not a decimal: ${text}`);
  const digits = (m[3] ?? '').padEnd(scale + 1, '0');
  let units = BigInt(m[2]! + digits.slice(0, scale));
  if (Number(digits[scale]) >= 5) units += 1n;
  const abs = units.toString().padStart(scale + 1, '0');
  const body = scale === 0 ? abs : `${abs.slice(0, -scale)}.${abs.slice(-scale)}`;
  return units === 0n || m[1] === '' ? body : `-${body}`;
}

type Token = { t: 'str'; v: string } | { t: 'num'; v: number } | { t: 'id'; v: string } | { t: 'col'; v: string } | { t: 'param'; v: string } | { t: 'op'; v: string };

function tokenize(sql: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === "'" || ((c === 'N' || c === 'n') && sql[i + 1] === "'")) {
      let j = c === "'" ? i + 1 : i + 2;
      let v = '';
      for (;;) {
        if (j >= sql.length) throw new Error(`unterminated string in ${sql}`);
        if (sql[j] === "'") {
          if (sql[j + 1] === "'") {
            v += "'";
            j += 2;
            continue;
          }
          break;
        }
        v += sql[j++];
      }
      out.push({ t: 'str', v });
      i = j + 1;
    } else if (c === '[') {
      const j = sql.indexOf(']', i);
      out.push({ t: 'col', v: sql.slice(i + 1, j) });
      i = j + 1;
    } else if (/[0-9]/.test(c)) {
      const m = /^[0-9]+/.exec(sql.slice(i))![0];
      out.push({ t: 'num', v: Number(m) });
      i += m.length;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(sql.slice(i))![0];
      out.push({ t: 'id', v: m.toUpperCase() });
      i += m.length;
    } else if (c === '@') {
      const m = /^@[A-Za-z0-9_]+/.exec(sql.slice(i))![0];
      out.push({ t: 'param', v: m.slice(1) });
      i += m.length;
    } else if (['<>', '>=', '<='].some((op) => sql.startsWith(op, i))) {
      out.push({ t: 'op', v: sql.slice(i, i + 2) });
      i += 2;
    } else if ('+-=(),<>/'.includes(c)) {
      out.push({ t: 'op', v: c });
      i++;
    } else {
      throw new Error(`unexpected ${c} in ${sql}`);
    }
  }
  return out;
}

const codePoints = (s: string) => [...s];

function need(value: Value, name: string): asserts value is string {
  if (typeof value !== 'string') throw new Error(`${name} expects a string, got ${String(value)}`);
}

/** Evaluates `sql` with `[name]` bound to `columns[name]`. */
export function evalTsql(sql: string, columns: Readonly<Record<string, Value>> = {}, params: Readonly<Record<string, Value>> = {}): Value {
  return evaluate(sql, columns, params, 'value') as Value;
}

/**
 * A condition (WHERE) in SQL's three-valued logic: true, false or null (unknown); `@name` parameters
 * from `params`. Comparisons: numbers as numbers, strings as JavaScript orders them (a model of a binary
 * collation without space padding; strings compare by UTF-16 code units, as JavaScript does), bytes by Buffer.compare.
 */
export function evalCondition(sql: string, columns: Readonly<Record<string, Value>> = {}, params: Readonly<Record<string, Value>> = {}): boolean | null {
  return evaluate(sql, columns, params, 'condition') as boolean | null;
}

function compareValues(a: Exclude<Value, null>, b: Exclude<Value, null>): number {
  if (Buffer.isBuffer(a) && Buffer.isBuffer(b)) return Buffer.compare(a, b);
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  throw new Error(`comparing ${typeof a} with ${typeof b}`);
}

function evaluate(sql: string, columns: Readonly<Record<string, Value>>, params: Readonly<Record<string, Value>>, what: 'value' | 'condition'): Value | boolean {
  const tokens = tokenize(sql);
  let p = 0;
  const peek = () => tokens[p];
  const isOp = (v: string) => peek()?.t === 'op' && peek()!.v === v;
  const isId = (v: string) => peek()?.t === 'id' && peek()!.v === v;
  const expectOp = (v: string) => {
    if (!isOp(v)) throw new Error(`expected ${v} at token ${p} of ${sql}`);
    p++;
  };
  const expectId = (v: string) => {
    if (!isId(v)) throw new Error(`expected ${v} at token ${p} of ${sql}`);
    p++;
  };
  /** A type name with its (n|MAX[, m]) arguments. */
  const type = (): { name: string; args: string[] } => {
    const name = (tokens[p++] as { v: string }).v;
    const typeArgs: string[] = [];
    if (isOp('(')) {
      p++;
      while (!isOp(')')) {
        const t = tokens[p++]!;
        if (!(t.t === 'op' && t.v === ',')) typeArgs.push(String(t.v));
      }
      p++;
    }
    return { name, args: typeArgs };
  };
  /**
   * CAST/CONVERT: to character types (numbers as digits; bytes with style 2 as upper-case hex;
   * date-time texts as they are: the tests bind them in style 121's form), to DECIMAL(p, s) (rounded),
   * to DATETIME2(n) (the fraction padded or cut to n digits), to VARBINARY (UTF-8 bytes of a text).
   */
  const convert = (value: Value, target: { name: string; args: string[] }, style?: Value): Value => {
    if (value === null) return null;
    switch (target.name) {
      case 'VARCHAR':
      case 'NVARCHAR':
        if (Buffer.isBuffer(value)) {
          if (style !== 2) throw new Error('bytes to text only with style 2');
          return value.toString('hex').toUpperCase();
        }
        return String(value);
      case 'BIGINT':
      case 'INT':
        if (!/^-?\d+$/.test(String(value))) throw new Error(`conversion of ${String(value)} to ${target.name}`);
        return Number(value);
      case 'DECIMAL':
        return decimalText(String(value), Number(target.args[1] ?? 0));
      case 'DATETIME2': {
        const [seconds, fraction = ''] = String(value).split('.');
        const n = Number(target.args[0] ?? 7);
        return n === 0 ? seconds! : `${seconds}.${fraction.padEnd(n, '0').slice(0, n)}`;
      }
      case 'VARBINARY':
        return Buffer.isBuffer(value) ? value : Buffer.from(String(value), 'utf8');
      default:
        throw new Error(`cast to ${target.name} is not evaluated`);
    }
  };

  /** OR of ANDs of predicates, in three-valued logic (null: unknown). */
  function condition(): boolean | null {
    return chain('OR', () => chain('AND', predicate));
  }

  /** `operand (word operand)*`: AND is false if any is false, OR true if any is true, else unknown if any is. */
  function chain(word: 'AND' | 'OR', operand: () => boolean | null): boolean | null {
    const decisive = word === 'OR';
    let left = operand();
    while (isId(word)) {
      p++;
      const right = operand();
      left = left === decisive || right === decisive ? decisive : left === null || right === null ? null : !decisive;
    }
    return left;
  }

  /** `( condition )`, `x IS [NOT] NULL`, or a comparison. */
  function predicate(): boolean | null {
    if (isOp('(')) {
      p++;
      const inner = condition();
      expectOp(')');
      return inner;
    }
    const left = additive();
    if (isId('IS')) {
      p++;
      const not = isId('NOT');
      if (not) p++;
      expectId('NULL');
      return not ? left !== null : left === null;
    }
    const next = peek();
    const op = next?.t === 'op' ? next.v : '';
    if (!['=', '<>', '<', '>', '<=', '>='].includes(op)) throw new Error(`expected a comparison at token ${p} of ${sql}`);
    p++;
    const right = additive();
    if (left === null || right === null) return null;
    const c = compareValues(left, right);
    return op === '=' ? c === 0 : op === '<>' ? c !== 0 : op === '<' ? c < 0 : op === '>' ? c > 0 : op === '<=' ? c <= 0 : c >= 0;
  }

  function additive(): Value {
    let left = multiplicative();
    while (isOp('+') || isOp('-')) {
      const op = (tokens[p++] as { v: string }).v;
      const right = multiplicative();
      if (left !== null && right !== null && typeof left !== typeof right) throw new Error(`${op} of ${typeof left} and ${typeof right}: SQL Server converts the string to INT`);
      if (Buffer.isBuffer(left) || Buffer.isBuffer(right)) throw new Error(`${op} of bytes`);
      if (left === null || right === null) left = null;
      else if (op === '+') left = typeof left === 'string' ? left + (right as string) : left + (right as number);
      else if (typeof left === 'number') left = left - (right as number);
      else throw new Error('- of strings');
    }
    return left;
  }

  /** `/` of integers: SQL Server's integer division truncates toward zero. */
  function multiplicative(): Value {
    let left = postfix();
    while (isOp('/')) {
      p++;
      const right = postfix();
      if (left === null || right === null) left = null;
      else if (typeof left !== 'number' || typeof right !== 'number' || !Number.isInteger(left) || !Number.isInteger(right)) throw new Error('/ of non-integers');
      else left = Math.trunc(left / right);
    }
    return left;
  }

  function postfix(): Value {
    const value = unary();
    while (isId('COLLATE')) {
      p += 2;
    }
    return value;
  }

  function unary(): Value {
    if (isOp('-')) {
      p++;
      const v = unary();
      if (typeof v === 'string') throw new Error('- of a string');
      return v === null ? null : -v;
    }
    return primary();
  }

  function args(): Value[] {
    expectOp('(');
    const out: Value[] = [];
    if (!isOp(')')) {
      for (;;) {
        out.push(additive());
        if (isOp(',')) {
          p++;
          continue;
        }
        break;
      }
    }
    expectOp(')');
    return out;
  }

  function primary(): Value {
    const token = tokens[p++];
    if (token === undefined) throw new Error(`unexpected end of ${sql}`);
    if (token.t === 'str' || token.t === 'num') return token.v;
    if (token.t === 'param') {
      if (!(token.v in params)) throw new Error(`no value for parameter @${token.v}`);
      return params[token.v]!;
    }
    if (token.t === 'col') {
      if (!(token.v in columns)) throw new Error(`no value for column [${token.v}]`);
      return columns[token.v]!;
    }
    if (token.t === 'op' && token.v === '(') {
      const v = additive();
      expectOp(')');
      return v;
    }
    if (token.t !== 'id') throw new Error(`unexpected ${token.v} in ${sql}`);
    switch (token.v) {
      case 'NULL':
        return null;
      case 'CASE': {
        let result: Value | undefined;
        while (isId('WHEN')) {
          p++;
          const holds = condition();
          expectId('THEN');
          const value = additive();
          if (result === undefined && holds === true) result = value;
        }
        expectId('ELSE');
        const otherwise = additive();
        expectId('END');
        return result === undefined ? otherwise : result;
      }
      case 'CAST': {
        expectOp('(');
        const value = additive();
        expectId('AS');
        const target = type();
        expectOp(')');
        return convert(value, target);
      }
      case 'CONVERT': {
        expectOp('(');
        const target = type();
        expectOp(',');
        const value = additive();
        let style: Value | undefined;
        if (isOp(',')) {
          p++;
          style = additive();
        }
        expectOp(')');
        return convert(value, target, style);
      }
    }
    const a = args();
    const anyNull = a.some((v) => v === null);
    switch (token.v) {
      case 'COALESCE':
        return a.find((v) => v !== null) ?? null;
      case 'NULLIF':
        return a[0] === a[1] ? null : a[0]!;
      case 'REPLACE':
        if (anyNull) return null;
        need(a[0]!, 'REPLACE');
        return a[0].split(a[1] as string).join(a[2] as string);
      case 'RTRIM':
        if (anyNull) return null;
        need(a[0]!, 'RTRIM');
        return a[0].replace(/ +$/, '');
      case 'LOWER':
        if (anyNull) return null;
        need(a[0]!, 'LOWER');
        return a[0].toLowerCase();
      case 'LEFT':
        if (anyNull) return null;
        need(a[0]!, 'LEFT');
        return codePoints(a[0]).slice(0, a[1] as number).join('');
      case 'RIGHT':
        if (anyNull) return null;
        need(a[0]!, 'RIGHT');
        return codePoints(a[0]).slice(-(a[1] as number)).join('');
      case 'SUBSTRING':
        if (anyNull) return null;
        need(a[0]!, 'SUBSTRING');
        return codePoints(a[0]).slice((a[1] as number) - 1, (a[1] as number) - 1 + (a[2] as number)).join('');
      case 'LEN':
        if (anyNull) return null;
        need(a[0]!, 'LEN');
        return codePoints(a[0].replace(/ +$/, '')).length;
      case 'CHARINDEX':
        if (anyNull) return null;
        return codePoints(a[1] as string).join('').indexOf(a[0] as string) + 1;
      case 'STUFF': {
        if (anyNull) return null;
        need(a[0]!, 'STUFF');
        const chars = codePoints(a[0]);
        const start = a[1] as number;
        if (start < 1 || start > chars.length) return null;
        return [...chars.slice(0, start - 1), a[3] as string, ...chars.slice(start - 1 + (a[2] as number))].join('');
      }
      default:
        throw new Error(`function ${token.v} is not evaluated`);
    }
  }

  const value = what === 'value' ? additive() : condition();
  if (p !== tokens.length) throw new Error(`trailing tokens at ${p} in ${sql}`);
  return value;
}

/**
 * SQL Server's arithmetic on HASHBYTES' bytes, replayed: the first 8 (or 4) bytes as a signed
 * big-endian BIGINT (INT), `& -16`, `/ 16` (truncating toward zero, as T-SQL's integer division),
 * `& 2^60 - 1` (`& 2^28 - 1`).
 */
export function hashbytesShifted(bytes: Buffer, size: 4 | 8): bigint {
  const signed = size === 8 ? bytes.readBigInt64BE(0) : BigInt(bytes.readInt32BE(0));
  const mask = size === 8 ? 1152921504606846975n : 268435455n;
  return ((signed & -16n) / 16n) & mask;
}
