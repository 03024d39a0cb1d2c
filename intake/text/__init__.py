"""Text work that needs no database: text out of files (``extract``), the language
(``language``), dates (``dates``), figures (``figures``) and the itinerary (``itinerary``)."""
