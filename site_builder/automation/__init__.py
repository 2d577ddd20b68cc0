"""What the GitHub workflows call: issue-form parsing for `netdash log --from-issue`, and the
weekly digest of `netdash digest`. Plain functions over text and the computed report."""
