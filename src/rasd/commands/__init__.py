"""Sub-commands of ``rasd`` besides ``extract``, one module each.

Every module here defines ``register(sub)``, which adds its parser to the
``argparse`` sub-parsers object and sets ``func`` to a function taking the
parsed namespace and returning the exit status. ``rasd.cli`` discovers the
modules, so a new command is a new file and nothing else.
"""
