"""Which local Whisper model for offline mode: word error rate, time and peak memory on English and French.

Speech is made here with espeak-ng (English from `samples/*.txt`, French from the sentences below), then
each model transcribes every recording in a child process of its own, so each gets its own peak RSS:

    uv run --extra local python bench/local_languages.py --model tiny.en --model /path/to/base

`tiny.en` is the bundled model; any other value is a CTranslate2 model directory. For an English-only model
the French rows also show what it can tell about audio in another language: the mean word probability
and segment log-probability of what it heard (see `gladia.testing.whisper.FOREIGN_SPEECH_PROBABILITY` and
`FOREIGN_SPEECH_LOGPROB`).

Needs espeak-ng and sox (Debian/Ubuntu: apt-get install espeak-ng sox).
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FRENCH = (
    "Bonjour à tous, merci d'être venus ce matin pour la réunion de l'équipe.",
    "La facture de mille deux cents euros doit être payée avant la fin du mois de mars.",
    "Pour aller à la gare, prenez la deuxième rue à gauche puis continuez tout droit.",
    "Faites chauffer le four à deux cents degrés et ajoutez trois œufs à la farine.",
    "Marie Curie est née à Varsovie et elle a reçu le prix Nobel de physique.",
)


def speak(text: str, voice: str, path: Path) -> None:
    raw = path.with_suffix(".raw.wav")
    subprocess.run(["espeak-ng", "-v", voice, "-s", "140", "-w", str(raw), text], check=True)
    subprocess.run(["sox", "-R", "-D", str(raw), "-r", "16000", "-c", "1", "-b", "16", str(path)], check=True)
    raw.unlink()


def corpus(scratch: Path) -> list[dict[str, str]]:
    items = []
    for text_file in sorted((ROOT / "samples").glob("*.txt")):
        text = text_file.read_text(encoding="utf-8").strip()
        path = scratch / f"en-{text_file.stem}.wav"
        speak(text, "en-us", path)
        items.append({"language": "en", "path": str(path), "text": text})
    for index, text in enumerate(FRENCH):
        path = scratch / f"fr-{index}.wav"
        speak(text, "fr-fr", path)
        items.append({"language": "fr", "path": str(path), "text": text})
    return items


def child(model: str, items_file: str) -> None:
    """In a child process: load `model`, transcribe every item in its own language, print JSON."""
    from faster_whisper import WhisperModel, decode_audio  # noqa: PLC0415

    from gladia.testing.whisper import resolve_model  # noqa: PLC0415

    location, _ = resolve_model(None if model == "tiny.en" else model)
    started = time.perf_counter()
    loaded = WhisperModel(location, device="cpu", compute_type="int8")
    load_seconds = time.perf_counter() - started
    rows = []
    for item in json.loads(Path(items_file).read_text(encoding="utf-8")):
        language = item["language"] if loaded.model.is_multilingual else "en"
        started = time.perf_counter()
        segments, info = loaded.transcribe(
            item["path"], language=language, beam_size=5, vad_filter=True, word_timestamps=True
        )
        segments = list(segments)
        seconds = time.perf_counter() - started
        words = [word for segment in segments for word in segment.words or ()]
        detected = None
        if loaded.model.is_multilingual:
            code, probability, _ = loaded.detect_language(decode_audio(item["path"]))
            detected = f"{code} {probability:.2f}"
        rows.append(
            {
                "language": item["language"],
                "path": item["path"],
                "text": item["text"],
                "heard": " ".join(segment.text.strip() for segment in segments),
                "seconds": seconds,
                "audio_seconds": info.duration,
                "mean_word_probability": statistics.fmean(w.probability for w in words) if words else 0.0,
                "mean_logprob": statistics.fmean(s.avg_logprob for s in segments) if segments else 0.0,
                "detected": detected,
            }
        )
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"load_seconds": load_seconds, "peak_rss_mb": peak_mb, "rows": rows}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", action="append", default=[], help="tiny.en, or a model directory")
    parser.add_argument("--child", nargs=2, metavar=("MODEL", "ITEMS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    from gladia.testing.wer import word_error_rate  # noqa: PLC0415

    with tempfile.TemporaryDirectory(prefix="gladia-languages-") as scratch:
        items = corpus(Path(scratch))
        items_file = Path(scratch) / "items.json"
        items_file.write_text(json.dumps(items), encoding="utf-8")
        print(
            "| model | language | WER | decode s per audio min | load s | peak RSS MB | mean word p | mean log p |"
        )
        print("|---|---|---|---|---|---|---|---|")
        for model in args.model or ["tiny.en"]:
            done = subprocess.run(
                [sys.executable, __file__, "--child", model, str(items_file)],
                check=True,
                capture_output=True,
                text=True,
            )
            found = json.loads(done.stdout.strip().splitlines()[-1])
            for language in ("en", "fr"):
                rows = [row for row in found["rows"] if row["language"] == language]
                words = sum(len(row["text"].split()) for row in rows)
                errors = sum(
                    word_error_rate(row["text"], row["heard"]) * len(row["text"].split()) for row in rows
                )
                per_minute = 60 * sum(r["seconds"] for r in rows) / sum(r["audio_seconds"] for r in rows)
                probability = statistics.fmean(row["mean_word_probability"] for row in rows)
                logprob = statistics.fmean(row["mean_logprob"] for row in rows)
                print(
                    f"| {Path(model).name} | {language} | {errors / words:.1%} | {per_minute:.1f} | "
                    f"{found['load_seconds']:.1f} | {found['peak_rss_mb']:.0f} | {probability:.2f} | {logprob:.2f} |"
                )
                for row in rows:
                    print(
                        f"<!-- {Path(row['path']).name} p={row['mean_word_probability']:.2f} "
                        f"logp={row['mean_logprob']:.2f} "
                        f"detected={row['detected']}: {row['heard']} -->"
                    )


if __name__ == "__main__":
    main()
