"""``build.py token issue|verify``: hand out and inspect access tokens."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from rich.console import Console

from site_builder.gate.keys import MissingSecret, load_secret
from site_builder.gate.tokens import Catalogue, TokenError, issue_token, read_token
from site_builder.sources.content_dir import ContentDirSource
from site_builder.validate import validate


def add_token_commands(commands: argparse._SubParsersAction) -> None:
    token = commands.add_parser("token", help="issue or verify a member's access token")
    actions = token.add_subparsers(dest="token_command", required=True)
    issue = actions.add_parser("issue", help="issue a token and print its unlock link")
    issue.add_argument("--email", required=True, help="the member the token is for")
    issue.add_argument(
        "--entitlement",
        action="append",
        required=True,
        help="a tier slug or course:SLUG; repeat for several",
    )
    issue.add_argument(
        "--days", type=int, default=30, help="days until the token expires (default: 30)"
    )
    issue.add_argument("--content", type=Path, default=Path("content"))
    verify = actions.add_parser("verify", help="check a token's signature and expiry")
    verify.add_argument("token")
    verify.add_argument("--content", type=Path, default=Path("content"))


def run_token_command(args: argparse.Namespace, out: Console, err: Console) -> int:
    snapshot, problems = ContentDirSource(args.content).load()
    problems += validate(snapshot)
    if problems:
        for problem in problems:
            err.print(str(problem), markup=False)
        err.print(f"Cannot read the site's tiers and courses from {args.content}/.", markup=False)
        return 1
    try:
        secret = load_secret(production=False, dev_dir=Path.cwd())
    except MissingSecret as error:
        err.print(str(error), markup=False)
        return 1
    if secret.is_development:
        err.print(f"[yellow]Using the development secret in {secret.origin}.[/yellow]")
    if args.token_command == "issue":
        if args.days < 1:
            err.print("--days: must be 1 or more", markup=False)
            return 1
        now = dt.datetime.now(dt.UTC)
        try:
            token = issue_token(
                secret,
                Catalogue.from_snapshot(snapshot),
                member=args.email,
                entitlements=args.entitlement,
                expires_at=now + dt.timedelta(days=args.days),
                epoch_days=snapshot.site.key_epoch_days,
                now=now,
            )
        except ValueError as error:
            err.print(f"--entitlement: {error}", markup=False)
            return 1
        out.print(token, markup=False, soft_wrap=True)
        err.print(
            f"Unlock link: {snapshot.site.url}/unlock/#token={token}", markup=False, soft_wrap=True
        )
        return 0
    try:
        claims = read_token(secret, args.token)
    except TokenError as error:
        err.print(f"Invalid token ({error.kind}): {error}", markup=False)
        return 1
    out.print(
        f"Valid token for {claims.member}: {', '.join(claims.entitlements)}; "
        f"expires {claims.expires_at:%Y-%m-%d %H:%M} UTC; key epochs {', '.join(map(str, claims.epochs))}",
        markup=False,
        soft_wrap=True,
    )
    return 0
