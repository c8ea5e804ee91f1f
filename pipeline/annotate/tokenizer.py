"""scispaCy's rule tokenizer, made buildable from a spaCy config.

``combined_rule_tokenizer`` keeps biomedical names whole (``5-HIAA``, ``IL-6``) and splits
punctuation the way scispaCy's models were trained. In a config::

    [nlp.tokenizer]
    @tokenizers = "claimex.SciTokenizer.v1"
"""

from __future__ import annotations

import warnings
from types import SimpleNamespace
from typing import Callable

import spacy
from scispacy.custom_tokenizer import combined_rule_tokenizer
from spacy.language import Language
from spacy.tokenizer import Tokenizer


@spacy.registry.tokenizers("claimex.SciTokenizer.v1")
def create_sci_tokenizer() -> Callable[[Language], Tokenizer]:
    def make_tokenizer(nlp: Language) -> Tokenizer:
        if not hasattr(nlp, "tokenizer"):
            # during Language.__init__ the tokenizer is not set yet, but scispaCy reads only
            # nlp.tokenizer.token_match: hand it the one spaCy's default tokenizer would get
            # (Defaults.token_match) without building that tokenizer and compiling its regexes
            nlp.tokenizer = SimpleNamespace(token_match=nlp.Defaults.token_match)
        # scispaCy's infix regex trips a harmless FutureWarning in re ("Possible set union") at every
        # build: silence it here only, never in the user's process as a whole
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="Possible set union", category=FutureWarning)
            return combined_rule_tokenizer(nlp)

    return make_tokenizer
