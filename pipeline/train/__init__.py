"""Training: spaCy and transformers backends for the PICO tagger, direction and subtype models."""
