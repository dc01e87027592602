// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { commandText } from '../../../src/data/methodology/command-text';
import { readFixture } from '../../helpers/seed';
import { SERVER_8B_TP2 } from './methodology-fixtures';

describe('commandText', () => {
  it('copies the command exactly and shows it with its padding made one space', () => {
    const recorded = readFixture(
      'formats/serve/serving_llama8B_tp2_random_128_128_qps_4_concurrency_16.commands',
    );
    const server = (JSON.parse(recorded) as { server_command: string }).server_command;
    expect(server).toBe(SERVER_8B_TP2);
    expect(commandText(server)).toEqual({
      copy: SERVER_8B_TP2,
      display:
        'VLLM_USE_V1=1 vllm serve meta-llama/Llama-3.1-8B-Instruct --tensor-parallel-size 2 --dtype bfloat16 --swap-space 16 --disable-log-stats --load-format dummy',
      escaped: 0,
    });
  });

  it('keeps quoted text, escapes and line continuations as written', () => {
    expect(commandText(` vllm bench  "a  b" 'c   d' e\\  f \\\n     --x  `).display).toBe(
      `vllm bench "a  b" 'c   d' e\\  f \\\n --x`,
    );
  });

  it('shows markup as it is and writes characters that would not show as escapes', () => {
    const hostile = 'vllm serve "<script>alert(1)</script>" --name \u202Eevil\u200B\u0007';
    const text = commandText(hostile);
    expect(text.copy).toBe(hostile);
    expect(text.display).toBe(
      'vllm serve "<script>alert(1)</script>" --name \\u{202E}evil\\u{200B}\\u{0007}',
    );
    expect(text.escaped).toBe(3);
  });

  it('makes every line end a newline and drops the padding before it', () => {
    expect(commandText('a \\\r\n--x\r--y').display).toBe('a \\\n--x\n--y');
    expect(commandText('vllm serve   \n  --x').display).toBe('vllm serve\n --x');
  });

  it('makes runs of tabs and spaces outside quotes one space', () => {
    expect(commandText('vllm\t\tserve \t --x').display).toBe('vllm serve --x');
    expect(commandText('echo "a\t\tb"').display).toBe('echo "a\t\tb"');
  });

  it('takes a backslash in single quotes as it is: it escapes nothing there', () => {
    // The second quote closes the first, so the spaces after it are padding.
    expect(commandText("echo 'a\\'   b").display).toBe("echo 'a\\' b");
    // Outside single quotes, \" opens no quote.
    expect(commandText('echo \\"   b').display).toBe('echo \\" b');
  });

  it('shows a backslash before a hidden character, and one at the end, as it is', () => {
    expect(commandText('a\\\u200Bb')).toEqual({
      copy: 'a\\\u200Bb',
      display: 'a\\\\u{200B}b',
      escaped: 1,
    });
    expect(commandText('echo x \\').display).toBe('echo x \\');
  });
});
