/**
 * Engines told apart in a chart by line style, colour staying the GPU's: the first engine (vLLM
 * when present) solid, the others dashed, dotted, dash-dotted.
 */
import { VLLM } from '../engines';

const DASHES: readonly string[] = ['6 4', '2 3', '8 3 2 3'];
const STYLE_WORDS: readonly string[] = ['solid', 'dashed', 'dotted', 'dash-dotted'];

/** The distinct engines of some lines: vLLM first, then by name, not stated (null) last. */
export function enginesOf(lines: readonly { readonly engine: string | null }[]): (string | null)[] {
  const engines = [...new Set(lines.map((line) => line.engine))];
  const rank = (engine: string | null): number => (engine === VLLM ? 0 : engine === null ? 2 : 1);
  return engines.sort((a, b) => rank(a) - rank(b) || (a ?? '').localeCompare(b ?? ''));
}

/** An engine's `strokeDasharray`: none for the first, then the patterns in turn (they repeat). */
export function engineDash(
  engines: readonly (string | null)[],
  engine: string | null,
): string | undefined {
  const at = engines.indexOf(engine);
  return at <= 0 ? undefined : DASHES[(at - 1) % DASHES.length];
}

/** The key to the line styles after a description's last sentence: ' Line style …', or ''. */
export function withStyles(engines: readonly (string | null)[]): string {
  const text = engineStyleText(engines);
  return text === '' ? '' : ` ${text}`;
}

/** The key to the line styles, for a chart's description; '' with one engine. */
export function engineStyleText(engines: readonly (string | null)[]): string {
  if (engines.length < 2) return '';
  const parts = engines.map(
    (engine, at) =>
      `${STYLE_WORDS[at === 0 ? 0 : ((at - 1) % DASHES.length) + 1] ?? 'dashed'} ${engine ?? 'engine not stated'}`,
  );
  return `Line style tells engines apart: ${parts.join(', ')}.`;
}
