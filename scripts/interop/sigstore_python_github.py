"""sigstore-python's `verify github` policy set, with the sandbox's OIDC issuer.

`sigstore verify github` (sigstore/_cli.py, _verify_github) always adds
OIDCIssuer("https://token.actions.githubusercontent.com"), which no sandbox token can carry.
This runs the same policies from sigstore-python's own library — Identity, GitHubWorkflowRepository,
GitHubWorkflowRef, GitHubWorkflowTrigger, GitHubWorkflowSHA — with the issuer as the only
substitution, through Verifier.verify_dsse and the subject-digest check the CLI applies to a
DSSE bundle (sigstore/_cli.py, _verify_common).

usage: python sigstore_python_github.py TRUST_CONFIG BUNDLE ARTIFACT IDENTITY ISSUER REPO REF [TRIGGER] [SHA]
Exit 0 when verified, 1 with one line saying why when not.
"""

import hashlib
import json
import sys

from sigstore.models import Bundle, ClientTrustConfig
from sigstore.verify import Verifier, policy


def main(argv: list[str]) -> int:
    trust_config, bundle_path, artifact, identity, issuer, repo, ref = argv[:7]
    trigger = argv[7] if len(argv) > 7 else None
    sha = argv[8] if len(argv) > 8 else None
    with open(trust_config, encoding="utf-8") as f:
        trust = ClientTrustConfig.from_json(f.read())
    with open(bundle_path, "rb") as f:
        bundle = Bundle.from_json(f.read())
    with open(artifact, "rb") as f:
        data = f.read()
    checks: list[policy.VerificationPolicy] = [
        policy.OIDCIssuer(issuer),
        policy.Identity(identity=identity, issuer=None),
        policy.GitHubWorkflowRepository(repo),
        policy.GitHubWorkflowRef(ref),
    ]
    if trigger:
        checks.append(policy.GitHubWorkflowTrigger(trigger))
    if sha:
        checks.append(policy.GitHubWorkflowSHA(sha))
    try:
        payload_type, payload = Verifier(trusted_root=trust.trusted_root).verify_dsse(
            bundle, policy.AllOf(checks)
        )
    except Exception as e:  # noqa: BLE001 - a verdict, reported in one line
        print(f"FAIL: {e}")
        return 1
    if payload_type != "application/vnd.in-toto+json":
        print(f"FAIL: payload type {payload_type}, expected an in-toto statement")
        return 1
    digest = hashlib.sha256(data).hexdigest()
    subjects = json.loads(payload).get("subject", [])
    if not any(s.get("digest", {}).get("sha256") == digest for s in subjects):
        print(f"FAIL: sha256:{digest} is not a subject of the statement")
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
