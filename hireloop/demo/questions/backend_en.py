"""Backend Engineer: the job's own questions, in English.

The first eight are the original hand-written set, in dimension order: the plan generator
takes the first two questions covering each dimension, so they form the job's interview
plan and the demo's scripted answers refer to their keys. Do not reorder them.
"""

from hireloop.interviews.enums import AnswerMode, QuestionKind

from .spec import DESIGN, EN, INCIDENTS, OWNERSHIP, QUALITY, QuestionContent

QUESTIONS = (
    QuestionContent(
        "backend-traffic-growth",
        EN,
        QuestionKind.TECHNICAL,
        "Walk us through a service you built or changed that had to handle a sharp rise in "
        "traffic. What were the bottlenecks, which trade-offs did you make, and how did you "
        "know it worked?",
        (DESIGN,),
        anchor_low="Lists technologies used; cannot say where the bottleneck was or how success "
        "was measured.",
        anchor_mid="Describes a sensible change (a cache, an index, a queue) with a rough "
        "before-and-after, but only one option was considered.",
        anchor_high="Finds the bottleneck by measuring, weighs alternatives and their costs, "
        "handles failure modes and shows before-and-after numbers for latency and throughput.",
        difficulty=3,
    ),
    QuestionContent(
        "backend-ticket-feed",
        EN,
        QuestionKind.SITUATIONAL,
        "We need 2,000 customer-service agents to see new tickets within one second of "
        "creation. Sketch how you would build this with Django and PostgreSQL, and say what "
        "you would measure before adding more infrastructure.",
        (DESIGN, QUALITY),
        anchor_low="Jumps to a large new stack (Kafka, microservices) without estimating the load.",
        anchor_mid="Proposes polling or websockets with a reasonable data model, but does not "
        "estimate load or think about failure.",
        anchor_high="Estimates the load first, starts simple (indexed query, LISTEN/NOTIFY or "
        "a push channel), names what to measure (p99 latency, connections, query time) and "
        "when to change the design.",
        difficulty=3,
    ),
    QuestionContent(
        "backend-friday-incident",
        EN,
        QuestionKind.SCENARIO,
        "Scenario: it is 21:40 on a Friday. Alerts fire: the checkout API's p99 latency has "
        "jumped from 200 ms to 8 s and 12% of requests fail. A deploy went out at 21:10. You "
        "are on call. Tell us, step by step, what you do in the first 30 minutes and what "
        "happens after the incident is over.",
        (INCIDENTS,),
        anchor_low="Starts debugging in production code right away, does not roll back or tell "
        "anyone.",
        anchor_mid="Checks logs and rolls back the deploy, but says little about communication "
        "or follow-up.",
        anchor_high="Acknowledges the alert, declares an incident and communicates, mitigates "
        "first by rolling back, confirms recovery on the dashboards, then finds the root cause "
        "and leads a blameless postmortem with action items.",
        difficulty=3,
        answer_seconds=600,
    ),
    QuestionContent(
        "backend-hardest-bug",
        EN,
        QuestionKind.BEHAVIOURAL,
        "Tell us about the hardest bug you have tracked down. How did you narrow it down, what "
        "was the root cause, and what did you change so it could not happen again?",
        (INCIDENTS, QUALITY),
        anchor_low="The bug went away after random changes; root cause unknown.",
        anchor_mid="Found the cause with logs or a debugger and fixed it, without a test or "
        "guard against recurrence.",
        anchor_high="Reproduced the bug, narrowed it with evidence (bisecting, traces, "
        "metrics), explains the root cause clearly and added a regression test or monitoring.",
    ),
    QuestionContent(
        "backend-tests-worth-it",
        EN,
        QuestionKind.BEHAVIOURAL,
        "Describe a change where you decided that tests were worth the extra time. What did "
        "you test, at which level, and what did the tests catch or save?",
        (QUALITY,),
        anchor_low="Tests were written because a reviewer asked; cannot say what they covered.",
        anchor_mid="Wrote unit tests for the change and they passed in CI.",
        anchor_high="Chose unit and integration tests by risk, tested the edge cases that "
        "mattered, and can name a defect or regression the tests caught.",
    ),
    QuestionContent(
        "backend-large-pr",
        EN,
        QuestionKind.SITUATIONAL,
        "A teammate's pull request works, but it mixes a refactor with a new feature, has no "
        "tests and is 1,500 lines long. The release is tomorrow. What do you do?",
        (QUALITY, OWNERSHIP),
        anchor_low="Approves it to keep the release on time, or rejects it with a curt comment.",
        anchor_mid="Asks for tests and a split, without weighing the release deadline.",
        anchor_high="Talks to the author first, agrees on a split (feature behind a flag, "
        "refactor later), pairs on the riskiest tests and keeps the feedback kind and "
        "specific.",
        difficulty=3,
    ),
    QuestionContent(
        "backend-disagreement",
        EN,
        QuestionKind.BEHAVIOURAL,
        "Tell us about a time you disagreed with another team or a senior engineer about a "
        "technical decision. How did you handle it, and what was the outcome?",
        (OWNERSHIP,),
        anchor_low="Went along silently, or escalated without talking to the people involved.",
        anchor_mid="Raised the concern in a meeting and accepted the decision.",
        anchor_high="Understood the other side's constraints, brought data or a prototype, "
        "agreed on a decision and documented it, and kept the relationship good.",
    ),
    QuestionContent(
        "backend-owned-end-to-end",
        EN,
        QuestionKind.BEHAVIOURAL,
        "Describe something you owned end to end without being asked: a tool, a process or a "
        "part of the system. Why did you take it on, and how did you measure the result?",
        (OWNERSHIP,),
        anchor_low="Only did assigned tickets; no example of initiative.",
        anchor_mid="Improved something useful for themselves or the team, without measuring "
        "the effect.",
        anchor_high="Saw a problem that hurt the team or customers, took ownership, involved "
        "stakeholders, shipped it and measured the effect (time saved, incidents avoided).",
    ),
    # The questions below are not in the plan; HR can swap them in.
    QuestionContent(
        "backend-duplicate-webhooks",
        EN,
        QuestionKind.TECHNICAL,
        "Our payment provider sometimes delivers the same webhook event two or three times, and "
        "occasionally out of order. How would you design the endpoint that receives these events "
        "so that every payment is recorded exactly once and ends up in the right state?",
        (DESIGN, QUALITY),
        anchor_low="Assumes each event arrives once and in order, or removes duplicates in process "
        "memory, which is lost on restart and not shared between servers.",
        anchor_mid="Stores the provider's event ID under a unique constraint to drop duplicates, "
        "but does not handle events that arrive out of order or a crash between saving the event "
        "and acting on it.",
        anchor_high="Records the event ID under a unique constraint in the same transaction as the "
        "state change, applies only transitions that move the payment forward (by state or "
        "version), acknowledges quickly and leaves slow work to a background job, and says how to "
        "test duplicated and reordered deliveries.",
        difficulty=3,
    ),
    QuestionContent(
        "backend-stale-cache",
        EN,
        QuestionKind.SITUATIONAL,
        "You put a Redis cache in front of the merchant-settings API to take load off the "
        "database. A week later, merchants complain that changes to their settings take several "
        "minutes to show up. What is probably going on, and how would you fix it?",
        (DESIGN, INCIDENTS),
        anchor_low="Shortens the expiry time until the complaints stop, or removes the cache "
        "without looking at the load it was saving.",
        anchor_mid="Deletes the cached entry when settings are saved, but misses other code paths "
        "that write the settings, or the race between a read and the deletion.",
        anchor_high="Explains that entries only refresh when they expire, invalidates or updates "
        "the entry on every write path after the transaction commits, deals with the read-and-"
        "refill race (versioned keys, a short expiry as a safety net), and checks the hit rate and "
        "database load afterwards.",
    ),
    QuestionContent(
        "backend-slow-side-effect",
        EN,
        QuestionKind.TECHNICAL,
        "When an agent closes a ticket, we e-mail the customer a satisfaction survey. Today the "
        "e-mail is sent inside the web request, so when the mail server is slow, closing a ticket "
        "takes ten seconds. How would you change this, and what could go wrong with your new "
        "design?",
        (DESIGN, QUALITY),
        anchor_low="Sends the e-mail from a new thread and does not consider failures or lost "
        "e-mails.",
        anchor_mid="Moves the sending to a background job with retries, but does not consider a "
        "transaction that rolls back or a job that runs twice.",
        anchor_high="Queues the job only after the transaction commits, passes the ticket ID "
        "rather than an object, makes the job safe to run twice so a retry never sends a second "
        "e-mail, retries with back-off, alerts on repeated failures and watches the queue length.",
    ),
    QuestionContent(
        "backend-tenant-isolation",
        EN,
        QuestionKind.TECHNICAL,
        "Every table in our system holds data from many merchants. How would you make sure that "
        "one merchant can never see another merchant's data, both in the code and in the way you "
        "test it?",
        (DESIGN, QUALITY),
        anchor_low="Relies on every developer remembering to filter by merchant in every query.",
        anchor_mid="Filters queries by merchant through a shared helper or manager, but has no "
        "test or safeguard for a query that forgets it.",
        anchor_high="Makes the merchant filter the default path (scoped querysets, the merchant "
        "taken from the authenticated request and never from input), adds tests that try to read "
        "another merchant's objects through every endpoint, puts the merchant in cache keys, and "
        "considers a safeguard in the database such as row-level security.",
        difficulty=3,
    ),
    QuestionContent(
        "backend-column-rename",
        EN,
        QuestionKind.TECHNICAL,
        "You need to rename a column in a PostgreSQL table of 200 million rows while the service "
        "keeps serving traffic, and old and new versions of the code run side by side during the "
        "deploy. How would you do it?",
        (DESIGN, QUALITY),
        anchor_low="Runs a plain ALTER TABLE … RENAME in the deploy and does not think about the "
        "old code that is still running.",
        anchor_mid="Knows that a plain rename breaks the old code and adds a new column instead, "
        "but copies the data in one large update that locks or bloats the table.",
        anchor_high="Notes that the rename itself is quick but breaks the running code, and uses "
        "expand and contract: add the new column, write to both, backfill in small batches, switch "
        "reads, drop the old column in a later release; watches locks and replication lag and can "
        "roll back at each step.",
        difficulty=3,
    ),
    QuestionContent(
        "backend-data-leak",
        EN,
        QuestionKind.SCENARIO,
        "Scenario: at 10:15 on a Monday, the support team tells you that two merchants can see "
        "other merchants' customer names in their ticket lists. Nobody knows yet how many are "
        "affected. A caching change was deployed on Friday. You are on call. What do you do in "
        "the first hour, and whom do you tell?",
        (INCIDENTS, OWNERSHIP),
        anchor_low="Starts reading code to find the bug while the leak goes on, and tells no one "
        "outside the team.",
        anchor_mid="Rolls back or disables the change and fixes the bug, but treats it as an "
        "ordinary bug: nobody responsible for security or privacy is told, and the affected "
        "merchants are not identified.",
        anchor_high="Stops the exposure first (roll back, switch off or flush the cache), declares "
        "a security incident and brings in the people responsible for security and privacy, since "
        "a leak of personal data may have to be reported; keeps the logs as evidence, works out "
        "which merchants and records were exposed, then finds the root cause and runs a "
        "postmortem.",
        difficulty=3,
        answer_seconds=600,
    ),
    QuestionContent(
        "backend-slow-ticket-list",
        EN,
        QuestionKind.TECHNICAL,
        "The ticket list page has become slow: it takes four seconds for merchants with many "
        "tickets and under one second for small ones. How do you find out why, and which fixes "
        "would you consider?",
        (INCIDENTS, DESIGN),
        anchor_low="Adds a cache or a bigger server straight away, without finding out where the "
        "time goes.",
        anchor_mid="Looks at the SQL and adds an index, without checking the query plan or the "
        "number of queries per page.",
        anchor_high="Measures first (queries per request to spot an N+1 pattern, EXPLAIN ANALYZE "
        "on the slowest query, time spent outside the database), fixes the cause (select_related "
        "or prefetch_related, an index matching the filter and sort order, keyset pagination "
        "instead of large offsets) and confirms the gain on production-sized data.",
    ),
    QuestionContent(
        "backend-alert-fatigue",
        EN,
        QuestionKind.SITUATIONAL,
        "The engineer on call receives about 40 alerts a week, and most of them need no action. "
        "People have started to ignore them. What would you change?",
        (INCIDENTS, OWNERSHIP),
        anchor_low="Mutes the noisiest alerts or raises every threshold without looking at what "
        "they catch.",
        anchor_mid="Tunes or removes the noisiest alerts one by one, without a rule for what "
        "deserves to wake someone up.",
        anchor_high="Reviews a few weeks of alerts against whether action was needed, pages only "
        "for symptoms users feel (error rate, latency against a target), sends the rest to a "
        "ticket queue, gives each alert an owner and a runbook, and tracks pages per week "
        "afterwards.",
    ),
    QuestionContent(
        "backend-flaky-test",
        EN,
        QuestionKind.SITUATIONAL,
        "One test in CI fails about once in twenty runs, and the team has got used to pressing "
        '"re-run" until it passes. What would you do?',
        (INCIDENTS, QUALITY),
        anchor_low="Keeps re-running it, or deletes the test.",
        anchor_mid="Marks the test as skipped and opens a ticket to look at it later.",
        anchor_high="Treats the failure as a real signal: reproduces it by running the test many "
        "times or in random order, finds the cause (shared state, the clock, test order, "
        "concurrency), fixes that, and agrees a team rule for flaky tests (quarantine with an "
        "owner and a deadline).",
    ),
    QuestionContent(
        "backend-merge-intervals",
        EN,
        QuestionKind.CODING,
        "Coding exercise: merge intervals. The full problem, with examples, is shown with this "
        "question. Write a readable solution in the editor, then add a short comment on the edge "
        "cases you considered and on the running time.",
        (QUALITY,),
        anchor_low="The code fails the basic examples, or works only when the input is already "
        "sorted; no edge cases considered.",
        anchor_mid="Sorts and merges correctly on the examples, but misses an edge case such as "
        "empty input, touching intervals or one interval inside another, or the code is hard to "
        "follow.",
        anchor_high="Passes all the tests, including empty input and nested or touching "
        "intervals; sorts once and merges in a single pass (O(n log n)) with clear names, and the "
        "comment names the edge cases.",
        answer_mode=AnswerMode.CODE,
        answer_seconds=1500,
        code_problem="merge_intervals",
    ),
    QuestionContent(
        "backend-top-k-words",
        EN,
        QuestionKind.CODING,
        "Coding exercise: the k most frequent words. The full problem, with examples, is shown "
        "with this question. Write a readable solution in the editor, then add a short comment "
        "on how you order words with the same count and how the running time grows with the "
        "input.",
        (QUALITY,),
        anchor_low="Counts words in nested loops or sorts them wrongly, so several tests fail, "
        "often those with tied counts.",
        anchor_mid="Counts correctly (with a dictionary or a counter) and passes the main "
        "examples, but gets the alphabetical order of tied words wrong or fails when there are "
        "fewer than k distinct words.",
        anchor_high="Passes all the tests: counts in one pass, orders by count and then "
        "alphabetically as the problem asks, returns every word when there are fewer than k, and "
        "states the running time (O(n) to count, then a sort or a heap).",
        answer_mode=AnswerMode.CODE,
        answer_seconds=1500,
        code_problem="top_k_frequent_words",
    ),
    QuestionContent(
        "backend-valid-brackets",
        EN,
        QuestionKind.CODING,
        "Coding exercise: check whether the brackets in a string are correctly paired. The full "
        "problem, with examples, is shown with this question. Write a readable solution in the "
        "editor, then add a short comment on the cases you tested.",
        (QUALITY,),
        anchor_low='Only counts opening and closing brackets, so input such as ")(" or "([)]" is '
        "accepted.",
        anchor_mid="Uses a stack and passes the usual examples, but fails on an empty string, on "
        "text without brackets or on a string that ends with brackets still open.",
        anchor_high="Passes all the tests with a stack and a mapping from closing to opening "
        "brackets, ignores other characters, stops at the first mismatch, checks that the stack "
        "is empty at the end, and lists the edge cases tested.",
        difficulty=1,
        answer_mode=AnswerMode.CODE,
        answer_seconds=900,
        code_problem="valid_brackets",
    ),
    QuestionContent(
        "backend-explain-to-support",
        EN,
        QuestionKind.SCENARIO,
        "Scenario: since Tuesday, exporting tickets has failed for large merchants. The export "
        "query runs past the database's 30-second limit and is stopped; a fix ships on Thursday. "
        "The support team, who are not engineers, ask you what is going on. Record what you would "
        "tell them in about a minute and a half: what is wrong, what merchants can do until "
        "Thursday, and what happens next.",
        (OWNERSHIP, INCIDENTS),
        anchor_low="Explains in database terms (timeouts, query plans) that support cannot pass "
        "on, and gives no date or workaround.",
        anchor_mid="Explains the problem plainly and gives the Thursday date, but offers nothing "
        "merchants can do in the meantime.",
        anchor_high="Says in plain words what fails and for whom, gives a workaround merchants can "
        "use now (export a shorter date range), the date of the fix and when support will hear "
        "next, and offers a short written note support can pass on.",
        answer_mode=AnswerMode.VOICE,
        prep_seconds=60,
        answer_seconds=90,
    ),
    QuestionContent(
        "backend-estimate-slip",
        EN,
        QuestionKind.BEHAVIOURAL,
        "Tell us about a time a piece of work you owned was going to be much later than you had "
        "said. When did you notice, what did you do, and whom did you tell?",
        (OWNERSHIP,),
        anchor_low="Said nothing until the deadline had passed, or puts it all down to changing "
        "requirements.",
        anchor_mid="Told their manager once the delay was obvious and worked extra hours to catch "
        "up.",
        anchor_high="Noticed early by tracking progress against the plan, promptly told the people "
        "who depended on the work, with a new estimate and options (cut scope, ship in stages), "
        "and changed how they estimate afterwards.",
    ),
    QuestionContent(
        "backend-onboarding",
        EN,
        QuestionKind.CREATIVE,
        "A new engineer joins the team next month. Today it takes two days to get the project "
        "running locally, and much of what a newcomer needs to know lives only in people's heads. "
        "What would you do about it, and how would you know it had worked?",
        (OWNERSHIP, QUALITY),
        anchor_low="Plans to sit with the newcomer and explain things as they come up; nothing is "
        "written down.",
        anchor_mid="Writes a setup guide and a list of whom to ask, but does not test it or keep "
        "it up to date.",
        anchor_high="Automates the setup (one command, a container or a script checked in CI), "
        "writes down key decisions and how-tos next to the code, asks the newcomer to fix whatever "
        "they found unclear, and measures the time to their first merged change.",
    ),
    QuestionContent(
        "backend-review-feedback",
        EN,
        QuestionKind.BEHAVIOURAL,
        "Tell us about a piece of feedback on your code that changed the way you work. What was "
        "it, and what do you do differently now?",
        (OWNERSHIP, QUALITY),
        anchor_low="Cannot recall any, or only describes style comments they disagreed with.",
        anchor_mid="Names a concrete piece of feedback and the change they made, without saying "
        "why it mattered.",
        anchor_high="Describes the feedback, why it was right (or partly right), a habit that "
        "changed for good, and how they now pass the lesson on when reviewing others' code.",
    ),
)
