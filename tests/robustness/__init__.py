"""Robustness suite (issue 7): hostile shapes, regression corpus, laws on generated inputs."""
