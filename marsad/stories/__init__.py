"""marsad.stories."""
