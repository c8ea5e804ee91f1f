"""scispaCy's rule tokenizer, made buildable from a spaCy config.

``combined_rule_tokenizer`` keeps biomedical names whole (``5-HIAA``, ``IL-6``) and splits
punctuation the way scispaCy's models were trained. In a config::

    [nlp.tokenizer]
    @tokenizers = "claimex.SciTokenizer.v1"
"""

from __future__ import annotations

from typing import Callable

import spacy
from scispacy.custom_tokenizer import combined_rule_tokenizer
from spacy.language import Language
from spacy.tokenizer import Tokenizer


@spacy.registry.tokenizers("claimex.SciTokenizer.v1")
def create_sci_tokenizer() -> Callable[[Language], Tokenizer]:
    def make_tokenizer(nlp: Language) -> Tokenizer:
        return combined_rule_tokenizer(nlp)

    return make_tokenizer
