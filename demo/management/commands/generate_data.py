import time

from django.core.management.base import BaseCommand, CommandError

from demo import synthetic


class Command(BaseCommand):
    help = (
        "Generate synthetic organisations, visits, instruments, calls and projects (slugs start with "
        "'syn-'), the same rows for the same seed; --remove deletes exactly those rows."
    )

    def add_arguments(self, parser):
        for name, default in synthetic.DEFAULT_SIZES.items():
            parser.add_argument(f"--{name}", type=int, default=default, help=f"How many (default {default:,}).")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--scale", type=int, default=1, help="Multiply every size (the bench's BENCH_SCALE).")
        parser.add_argument(
            "--if-missing",
            action="store_true",
            help="Do nothing when the synthetic rows already number these sizes (a database copied from one).",
        )
        parser.add_argument("--remove", action="store_true", help="Delete every synthetic row, and nothing else.")
        parser.add_argument(
            "--replace", action="store_true", help="Remove existing synthetic rows first instead of refusing."
        )

    def handle(self, *args, **options):
        started = time.perf_counter()
        report = self.progress if options["verbosity"] else None
        if options["remove"]:
            deleted = synthetic.remove(report=report)
            total = sum(deleted.values())
            self.stdout.write(f"Removed {total:,} synthetic rows in {time.perf_counter() - started:.1f} s.")
            return
        sizes = {name: options[name] * options["scale"] for name in synthetic.DEFAULT_SIZES}
        if options["if_missing"] and list(synthetic.counts().values()) == list(sizes.values()):
            self.stdout.write("Synthetic data of these sizes already there; nothing generated.")
            return
        if synthetic.exists():
            if not options["replace"]:
                raise CommandError(
                    "Synthetic rows already exist ("
                    + ", ".join(f"{k}: {v:,}" for k, v in synthetic.counts().items())
                    + "). Run with --remove first, or with --replace."
                )
            synthetic.remove(report=report)
        synthetic.Generator(seed=options["seed"], report=report, **sizes).run()
        self.stdout.write(
            self.style.SUCCESS(
                f"Generated synthetic data (seed {options['seed']}) in {time.perf_counter() - started:.1f} s."
            )
        )

    def progress(self, label: str, count: int, seconds: float) -> None:
        self.stdout.write(f"  {label:<26} {count:>9,} rows  {seconds:6.1f} s")
        self.stdout.flush()
