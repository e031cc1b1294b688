"""Where events happened: place mentions, toponym resolution over the offline GeoNames gazetteer, and
each event's location (the ``geo`` stage, ``stage.py``)."""

from detente.geo.stage import GeoStage, dateline_place, story_counts

__all__ = ["GeoStage", "dateline_place", "story_counts"]
