#!/usr/bin/env bash
# The commands of the "Create a venv, install Flask" slide, runnable as one script.
set -euo pipefail

# #region commands
# create the venv
python3 -m venv .venv

# activate it
source .venv/bin/activate

# install Flask (will affect the active venv)
python3 -m pip install Flask
# #endregion commands
