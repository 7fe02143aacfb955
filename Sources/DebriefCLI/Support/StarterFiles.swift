import DebriefModel

/// The files `debrief init` writes besides `debrief.yml`: one example postmortem and runbook
/// that pass `check`, and CI recipes. `today` dates the examples, so the runbook is freshly
/// reviewed and the action item not overdue on the day they are written.
struct StarterFiles {
    var today: Day
    /// The configured postmortems and runbooks folders, relative to the root.
    var postmortemsFolder: String
    var runbooksFolder: String
    /// The folder (relative to the root) whose changes the CI recipes check.
    var contentFolder: String

    var incidentDay: Day { today.adding(days: -3) }

    var examplePostmortemPath: String { "\(postmortemsFolder)/\(incidentDay)-checkout-errors-after-cache-change.md" }
    var exampleRunbookPath: String { "\(runbooksFolder)/checkout-high-error-rate.yml" }

    var examplePostmortem: String {
        """
        ---
        title: "Checkout errors after a cache configuration change"
        date: \(incidentDay)
        severity: SEV2
        status: published
        services: [checkout]
        tags: [cache, configuration]
        authors: ["@alex"]
        incident_commander: "@sam"
        alerts: [CheckoutHighErrorRate]
        ---

        # Checkout errors after a cache configuration change

        An example to show the shape Debrief reads; replace it with your own incidents.

        ## Summary

        A configuration change shortened the cart cache's expiry to one second. Every checkout
        then read the cart from the database, which ran out of connections, and about 12% of
        checkouts failed for 29 minutes until the change was rolled back.

        ## Impact

        About 3,100 customers saw "Something went wrong" when placing an order. No order was
        charged twice; failed checkouts could be retried once the change was rolled back.

        ## Timeline

        All times UTC.

        | Time | Event |
        |---|---|
        | \(incidentDay) 14:02 | Configuration change deployed: cart cache expiry set to 1 s instead of 1 h |
        | \(incidentDay) 14:06 | Checkout error rate starts to rise |
        | \(incidentDay) 14:09 | Alert CheckoutHighErrorRate fired and paged the checkout on-call |
        | \(incidentDay) 14:12 | On-call acknowledged and began investigating |
        | \(incidentDay) 14:31 | Configuration change rolled back; error rate back to normal |
        | \(incidentDay) 14:44 | Incident resolved after 13 minutes without errors |

        ## Root Cause

        The cache expiry is set in seconds, and the change assumed hours. Nothing validated the
        value, and the staging load test does not exercise checkout with a cold cache.

        ## Action Items

        | Action | Owner | Due | Status |
        |---|---|---|---|
        | Reject cache expiry values under 60 s in configuration validation | @alex | \(today.adding(days: 27)) | open |
        | Add a cold-cache checkout scenario to the staging load test | @sam | \(today.adding(days: 41)) | open |

        """
    }

    var exampleRunbook: String {
        """
        metadata:
          title: "Checkout High Error Rate"
          service: checkout
          severity: SEV2
          owner: "@alex"
          alert_names: [CheckoutHighErrorRate]
          impact: "Customers cannot place orders; every minute costs revenue."
          last_reviewed: \(today)
        diagnosis:
          - step: Find which checkout call fails
            command: 'sum by (route, code) (rate(http_requests_total{service="checkout", code=~"5.."}[5m]))'
            expected: "One route failing narrows the search; all routes failing points at a shared dependency"
          - step: Check recent deploys and configuration changes
            command: "kubectl -n checkout rollout history deployment/checkout"
            expected: "A change in the last hour is the first suspect"
        mitigation:
          - option: Roll back the last change
            when: "Errors started with a deploy or a configuration change"
            command: "kubectl -n checkout rollout undo deployment/checkout"
            verify: "The 5xx rate is back under 0.5% within 5 minutes"
        escalation: "Page the payments on-call if card authorisation errors are part of the failures."

        """
    }

    /// GitHub Actions: the gate on pull requests (annotations on the changed files, SARIF for
    /// code scanning) and a weekly list of overdue action items in the run's summary.
    var githubWorkflow: String {
        """
        # Debrief: checks changed postmortems and runbooks on every pull request, and lists
        # overdue action items every Monday. Set the repository variable DEBRIEF_TARBALL_URL to
        # where your organisation keeps debrief-VERSION-linux-x86_64.tar.gz (a release asset or
        # artifact store; `scripts/dist` in the Debrief repository builds it).
        name: debrief

        on:
          pull_request:
            paths: ["\(contentFolder)/**", "debrief.yml", "layouts/**"]
          schedule:
            - cron: "0 8 * * 1"
          workflow_dispatch:

        permissions:
          contents: read

        env:
          DEBRIEF_TARBALL_URL: ${{ vars.DEBRIEF_TARBALL_URL }}

        jobs:
          check:
            if: github.event_name == 'pull_request'
            runs-on: ubuntu-latest
            permissions:
              contents: read
              security-events: write
            steps:
              - uses: actions/checkout@v4
                with:
                  fetch-depth: 0
              \(githubInstallStep)
              - name: Check the changed postmortems and runbooks
                run: |
                  git diff --name-only -z --diff-filter=d "origin/${{ github.base_ref }}...HEAD" -- \(contentFolder) \\
                    | xargs -0 --no-run-if-empty debrief check --format github
              - name: Write SARIF for code scanning
                if: always()
                run: debrief check --format sarif > debrief.sarif || true
              - uses: github/codeql-action/upload-sarif@v3
                if: always()
                with:
                  sarif_file: debrief.sarif
                  category: debrief

          overdue-actions:
            if: github.event_name != 'pull_request'
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
              \(githubInstallStep)
              - name: Overdue action items
                run: debrief actions --overdue --format markdown >> "$GITHUB_STEP_SUMMARY"

        """
    }

    /// The step both GitHub jobs start with: the tarball unpacked onto the PATH.
    private var githubInstallStep: String {
        """
        - name: Install debrief
                run: |
                  test -n "$DEBRIEF_TARBALL_URL" || { echo "::error::Set the repository variable DEBRIEF_TARBALL_URL"; exit 1; }
                  mkdir -p "$RUNNER_TEMP/debrief"
                  curl -fsSL "$DEBRIEF_TARBALL_URL" | tar -xz --strip-components=1 -C "$RUNNER_TEMP/debrief"
                  echo "$RUNNER_TEMP/debrief" >> "$GITHUB_PATH"
        """
    }

    /// GitLab CI: the gate on merge requests, with a JUnit report GitLab shows in the request.
    var gitlabJob: String {
        """
        # Debrief: checks postmortems and runbooks on merge requests. Set the CI/CD variable
        # DEBRIEF_TARBALL_URL to where your organisation keeps debrief-VERSION-linux-x86_64.tar.gz.
        debrief-check:
          image: debian:bookworm-slim
          rules:
            - if: $CI_PIPELINE_SOURCE == "merge_request_event"
              changes: ["\(contentFolder)/**/*", "debrief.yml"]
          before_script:
            - apt-get update -qq && apt-get install -y -qq curl ca-certificates git >/dev/null
            - mkdir -p /opt/debrief && curl -fsSL "$DEBRIEF_TARBALL_URL" | tar -xz --strip-components=1 -C /opt/debrief
            - export PATH="/opt/debrief:$PATH"
          script:
            - debrief check --format junit > debrief-junit.xml || true
            - debrief check
          artifacts:
            when: always
            reports:
              junit: debrief-junit.xml

        """
    }
}
