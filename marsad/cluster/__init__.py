"""marsad.cluster."""
