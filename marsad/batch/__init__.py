"""marsad.batch."""
