"""Three tiny PICO-annotated sentences shared by the training smoke tests (spaCy and transformers
backends): text and (start, end, label) character spans."""

TEXTS = [
    ("Aspirin reduced mortality in adults with stroke.", [(0, 7, "INTERVENTION"), (16, 25, "OUTCOME"),
                                                          (29, 47, "POPULATION")]),
    ("Placebo did not reduce pain in children with migraine.", [(0, 7, "COMPARATOR"), (23, 27, "OUTCOME"),
                                                                 (31, 53, "POPULATION")]),
    ("Ibuprofen improved sleep quality in older women.", [(0, 9, "INTERVENTION"), (19, 32, "OUTCOME"),
                                                          (36, 47, "POPULATION")]),
]
