"""Readers: input files -> a stream of Document / ReadError / Deletion (see ``base``)."""
