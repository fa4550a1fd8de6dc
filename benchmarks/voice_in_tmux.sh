#!/usr/bin/env bash
# What the voice says and when, from the person's seat: a leg-raise and pelvic-tilt routine at the
# default doses in a real terminal (tmux), with a stand-in espeak-ng first on PATH that logs each phrase
# and lasts as long as the real voice would (its length from `espeak-ng -w` and `soxi -D`), and notes
# any phrase cut off by the next. Needs tmux, espeak-ng and sox. Takes about 4 minutes.
# Run: bash benchmarks/voice_in_tmux.sh   (prints how many counts were spoken in full)
set -euo pipefail
backcoach="$(cd "$(dirname "$0")/.." && pwd)/.venv/bin/backcoach"
work=$(mktemp -d)
mkdir -p "$work/bin" "$work/cfg"
real=$(command -v espeak-ng)
cat > "$work/bin/espeak-ng" <<STUB
#!/bin/bash
if [ "\$1" = "-w" ]; then exec "$real" "\$@"; fi
text="\${@: -1}"; start=\$(date +%s.%N)
wav=\$(mktemp --suffix .wav); "$real" -w "\$wav" "\$text"; length=\$(soxi -D "\$wav"); rm -f "\$wav"
echo "\$start START \$length \$text" >> "$work/log.txt"
trap 'echo "\$(date +%s.%N) CUT \$text" >> "$work/log.txt"; exit 0' TERM
sleep "\$length" & wait \$!
STUB
chmod +x "$work/bin/espeak-ng"
printf '[[routines]]\nid = "lp"\nname = "Leg raise and tilt"\nexercises = ["leg-raise", "pelvic-tilt"]\n' > "$work/cfg/exercises.toml"
printf '[safety]\nacknowledged = true\n[cues]\nvoice = true\n' > "$work/cfg/settings.toml"
tmux="tmux -L voice-$$"
$tmux new-session -d -s app -x 100 -y 30 "env PATH=$work/bin:/usr/bin:/bin XDG_CACHE_HOME=$work/cache BACKCOACH_DATA_DIR=$work/data BACKCOACH_CONFIG=$work/cfg/settings.toml $backcoach --region lp"
sleep 3
$tmux send-keys -t app 2 Enter
for _ in $(seq 1 1400); do
    screen=$($tmux capture-pane -p -t app)
    if grep -q "Session summary" <<< "$screen"; then break; fi
    if grep -q "How did" <<< "$screen"; then $tmux send-keys -t app 1 Enter; sleep 1.5; fi
    sleep 0.3
done
$tmux kill-server
python3 - "$work/log.txt" <<'REPORT'
import sys
said = [line.rstrip("\n").split(" ", 2) for line in open(sys.argv[1])]
starts = [(float(t), *rest.split(" ", 1)) for t, kind, rest in said if kind == "START"]
starts = [(t, float(length), text) for t, length, text in starts]
cut = [rest for _, kind, rest in said if kind == "CUT"]
counts = sum(1 for i, (_, _, text) in enumerate(starts) if text == "Three." and [s[2] for s in starts[i:i + 3]] == ["Three.", "Two.", "One."])
print(f"{len(starts)} phrases; {counts} counts spoken in full (three, two, one); cut off: {cut or 'none'}")
REPORT
echo "log: $work/log.txt"
