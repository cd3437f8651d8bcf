"""The command line: argparse, the headless subcommands and their plain-text output."""
