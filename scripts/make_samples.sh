#!/usr/bin/env bash
# Regenerate samples/*.wav from their reference texts (samples/*.txt) with a synthetic voice.
#
# This is how the committed recordings were made; CI does not run it (it only reads the WAV files).
# Needs espeak-ng and sox (Debian/Ubuntu: apt-get install espeak-ng sox). The output is byte-for-byte
# repeatable for a given espeak-ng version: sox runs without dither (-D) and in repeatable mode (-R).
#
# Usage: scripts/make_samples.sh [samples-dir]
set -euo pipefail

VOICE="en-us"
RATE_WPM=140       # moderate speed: clear for a small speech model, still natural
SAMPLE_RATE=16000  # what Whisper models listen at; mono, 16-bit PCM

dir="${1:-$(dirname "$0")/../samples}"
for tool in espeak-ng sox; do
    command -v "$tool" >/dev/null || { echo "make_samples.sh needs $tool (apt-get install espeak-ng sox)" >&2; exit 1; }
done

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

shopt -s nullglob
texts=("$dir"/*.txt)
if [ ${#texts[@]} -eq 0 ]; then
    echo "no .txt files in $dir" >&2
    exit 1
fi
for text in "${texts[@]}"; do
    stem="${text%.txt}"
    espeak-ng -v "$VOICE" -s "$RATE_WPM" -f "$text" -w "$scratch/voice.wav"
    sox -R -D "$scratch/voice.wav" -r "$SAMPLE_RATE" -c 1 -b 16 -e signed-integer "$stem.wav"
    printf '%-28s %6.2f s\n' "$(basename "$stem").wav" "$(soxi -D "$stem.wav")"
done
