"""The brief's text stages: boilerplate cleaning, sentence splitting, the one spaCy annotation pass."""
