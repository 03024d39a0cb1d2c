"""Text work that needs no database: text out of files (``extract``), the language
(``language``), dates (``dates``), figures (``figures``), the itinerary (``itinerary``), a title
(``titles``) and places (``places``). Pure functions over a string; the models and patterns they
need load on first use. Timings over the seeds: ``python -m bench.intake_text``."""
