"""销售经理: the English versions of the job's questions, in the same order as sales_zh."""

from hireloop.interviews.enums import AnswerMode, QuestionKind

from .spec import EN, NEGOTIATION, PROSPECTING, RELATIONSHIPS, SALES_TEAM, QuestionContent

QUESTIONS = (
    QuestionContent(
        "sales-new-account-en",
        EN,
        QuestionKind.BEHAVIOURAL,
        "Tell us about a major account you opened from scratch and finally signed. How did you "
        "find the opportunity, what resistance did you meet along the way, and what was the "
        "outcome?",
        (PROSPECTING, NEGOTIATION),
        anchor_low='Cannot say where the client came from; the process is just "kept visiting" '
        'or "good relationships", with no figures for the result.',
        anchor_mid="Describes the process clearly and gives the contract value, but is vague about "
        "how the resistance was handled and what they personally did.",
        anchor_high="Explains where the lead came from, who the key decision-makers were, each "
        "step taken and the resistance met; gives the contract value, sales cycle and payment "
        "collected, and names the method they took away from it.",
    ),
    QuestionContent(
        "sales-quarter-gap-en",
        EN,
        QuestionKind.SITUATIONAL,
        "One month is left in the quarter, you are at 60% of your target, and you have few open "
        "opportunities. How would you plan the next four weeks? Please give your priorities and "
        "what you would actually do.",
        (PROSPECTING,),
        anchor_low='Only says "work late and make more calls" or "ask my manager for resources"; '
        "no priorities.",
        anchor_mid="Reviews the open opportunities and pushes them harder, but does not rank them "
        "by likelihood of closing and has no plan for new leads.",
        anchor_high="Ranks opportunities by likelihood and value, puts effort into the deals most "
        "likely to close, works in parallel on repeat orders and referrals from existing clients, "
        "and sets weekly targets that can be checked.",
        difficulty=3,
    ),
    QuestionContent(
        "sales-unhappy-client-en",
        EN,
        QuestionKind.BEHAVIOURAL,
        "Tell us about a time a long-standing client was very unhappy with our service and was "
        "even thinking of not renewing. What did you do, and how did it end?",
        (RELATIONSHIPS,),
        anchor_low="Blames the product or the delivery colleagues; they only passed messages on.",
        anchor_mid="Apologised promptly and coordinated a fix, but does not say whether the client "
        "renewed.",
        anchor_high="First found the real reason for the dissatisfaction, agreed an improvement "
        "plan with colleagues, followed up at regular intervals, kept the renewal and even "
        "uncovered new needs.",
    ),
    QuestionContent(
        "sales-new-buyer-en",
        EN,
        QuestionKind.SITUATIONAL,
        "A client of three years has a new head of procurement, who says plainly that they will "
        "compare prices again. How would you respond?",
        (RELATIONSHIPS,),
        anchor_low="Cuts the price at once to keep the deal, or goes around the new buyer to old "
        "contacts to apply pressure.",
        anchor_mid="Visits the new buyer and presents the history of the relationship, but has "
        "no evidence of the value delivered.",
        anchor_high="Learns what the new buyer is measured on, prepares figures for the cost and "
        "efficiency gains of the three years, asks the departments using the product to vouch for "
        "it, and has a conditional offer ready on price.",
        difficulty=3,
    ),
    QuestionContent(
        "sales-livestream-pitch-en",
        EN,
        QuestionKind.SCENARIO,
        "Scenario: tonight the company launches the new version of its customer-service software "
        "in a live stream, and you are the host. In about two minutes of spoken script, introduce "
        "the product to the small-business owners watching, and answer a comment in the chat: "
        '"You\'re 30% more expensive than the others. Why should I pay that?" Please write out '
        "exactly what you would say.",
        (NEGOTIATION, PROSPECTING),
        anchor_low="Lists features and specifications, avoids the price challenge, or promises a "
        "discount straight away.",
        anchor_mid="Presents the product and one or two selling points and responds to the price "
        "challenge, but gives no client example and no call to action.",
        anchor_high="Opens with the owners' problems, shows the value with a client example and "
        "simple arithmetic, answers the price challenge head-on with a comparison, and ends with a "
        "clear call to action (book a demo, a time-limited trial).",
        difficulty=3,
        answer_seconds=300,
    ),
    QuestionContent(
        "sales-price-pressure-en",
        EN,
        QuestionKind.BEHAVIOURAL,
        "Tell us about a negotiation in which the client pushed very hard on price. What was your "
        "limit, what did you concede, and what did you get in return?",
        (NEGOTIATION,),
        anchor_low="Kept lowering the price until the client was satisfied, or lost the deal over "
        "price without being able to say why.",
        anchor_mid="Had a floor price and held it, but conceded without getting anything back.",
        anchor_high="Set the floor and the terms they could trade in advance, asked questions to "
        "learn the real reason for the pressure, traded every concession for something (payment "
        "terms, contract length, a referral) and reached a deal that worked for both sides.",
        difficulty=3,
    ),
    QuestionContent(
        "sales-cross-team-deal-en",
        EN,
        QuestionKind.BEHAVIOURAL,
        "Tell us about a deal you led as project owner, bringing in colleagues from pre-sales, "
        "delivery or finance to win it. Where did you disagree, and how did you handle it?",
        (SALES_TEAM,),
        anchor_low="Cannot describe their own role, or blames the disagreement on other "
        "departments.",
        anchor_mid="Explains who did what and how they worked together; a manager settled the "
        "disagreement.",
        anchor_high="Set clear roles and a rhythm, resolved the disagreement with the client's "
        "needs and with data so that everyone backed the plan, and shared the lessons afterwards.",
    ),
    QuestionContent(
        "sales-coach-newcomer-en",
        EN,
        QuestionKind.SITUATIONAL,
        "A new colleague on your team has not closed a deal in two months and seems discouraged. "
        "As sales manager, how would you help them?",
        (SALES_TEAM,),
        anchor_low="Only pushes for numbers, or decides the newcomer is not suited to the job.",
        anchor_mid="Encourages them and shares their own experience, but has no concrete coaching "
        "plan.",
        anchor_high="Talks one to one to understand why, joins their client visits to see the "
        "specific problems, sets small measurable weekly goals and reviews them together, and lets "
        "them build confidence with smaller deals first.",
    ),
    QuestionContent(
        "sales-lost-deal-en",
        EN,
        QuestionKind.BEHAVIOURAL,
        "Tell us about a deal you put a lot of effort into and still lost. How did you work out "
        "afterwards why you lost it, and what did you change in how you work?",
        (PROSPECTING,),
        anchor_low="Puts it all down to price, a competitor or a client who did not understand; "
        "names nothing they could have done better.",
        anchor_mid="Names one or two concrete reasons for the loss, but the change stops at "
        '"be more careful next time", with nothing about later deals.',
        anchor_high="Reviews the decision chain, the understanding of the need, the competition "
        "and their own pace point by point, finds a cause within their control (such as never "
        "meeting the decision-maker), says what they changed and shows the effect on later deals.",
    ),
    QuestionContent(
        "sales-new-industry-en",
        EN,
        QuestionKind.CREATIVE,
        "The company wants to take its customer-service software into an industry we have never "
        "sold to: hotel chains. If you were asked to open this market, what would you do in the "
        "first three months?",
        (PROSPECTING,),
        anchor_low='Only says "make more calls and visits"; nothing specific to hotels and no '
        "idea of what success would look like.",
        anchor_mid="Thinks of researching the industry and finding a few reference clients, but "
        "the steps and the measures of progress stay vague.",
        anchor_high="First pins down hotels' specific service problems (booking questions at "
        "night, changes and cancellations), runs a measured pilot with one or two willing clients, "
        "turns it into a case study for similar clients, and sets monthly targets for leads, "
        "pilots and contracts.",
        difficulty=3,
    ),
    QuestionContent(
        "sales-cold-call-en",
        EN,
        QuestionKind.SCENARIO,
        "Scenario: you have the phone number of the head of customer service at a mid-sized "
        "online retailer who has never heard of us. Record the opening of your first call to them, "
        "about one minute long: how do you introduce yourself, how do you get their interest, and "
        "what do you want to agree on at the end?",
        (PROSPECTING, NEGOTIATION),
        anchor_low="Launches straight into a product description, leaves the other person no room "
        "to speak, and ends without a clear next step.",
        anchor_mid="Opens briefly and mentions a problem common in online retail support, but asks "
        "nothing about their situation and ends with a vague invitation.",
        anchor_high="Says within a few seconds who they are and why they are calling, asks one or "
        "two open questions about the other person's situation instead of talking throughout, and "
        "ends by proposing a concrete, easy next step (such as a 20-minute online demo).",
        answer_mode=AnswerMode.VOICE,
        prep_seconds=30,
        answer_seconds=90,
    ),
    QuestionContent(
        "sales-pipeline-forecast-en",
        EN,
        QuestionKind.TECHNICAL,
        "Your pipeline holds 20 opportunities, and your manager asks how much you will sign this "
        "quarter. How would you make that forecast? What would make you raise or lower your "
        "estimate for a particular deal?",
        (PROSPECTING,),
        anchor_low="Gives a number from gut feeling, or simply adds up the value of every "
        "opportunity.",
        anchor_mid="Weights each opportunity by its sales stage and adds them up, without checking "
        "how far each deal has really progressed.",
        anchor_high="Weights by stage but adjusts with evidence that can be checked (met the "
        "decision-maker, budget approved, a signing date agreed), reports committed and possible "
        "deals separately, and calibrates the forecast against actual results over time.",
        difficulty=3,
    ),
    QuestionContent(
        "sales-decision-maker-en",
        EN,
        QuestionKind.SITUATIONAL,
        "On a deal you are working, your contact is enthusiastic, but you never get to meet the "
        "person who makes the final decision. What would you do?",
        (PROSPECTING, NEGOTIATION),
        anchor_low="Waits for the contact to move things along, or goes over the contact's head "
        "and embarrasses them.",
        anchor_mid="Asks the contact for an introduction, but gives them no reason to make it.",
        anchor_high="Finds out how the decision is made and what the decision-maker cares about, "
        "helps the contact prepare material they can take upwards (a cost-benefit estimate, a "
        "case from the same industry), asks to meet the decision-maker together, and keeps the "
        "contact's trust throughout.",
    ),
    QuestionContent(
        "sales-account-growth-en",
        EN,
        QuestionKind.BEHAVIOURAL,
        "Tell us about a time you found and won new business with an existing client, for "
        "example a larger order or a new department. How did you spot the opportunity?",
        (RELATIONSHIPS, PROSPECTING),
        anchor_low="The client asked for more on their own; the candidate only quoted and took "
        "the order.",
        anchor_mid="Heard about a new need during a follow-up visit and closed it, but cannot say "
        "how they found it and gives no figures.",
        anchor_high="Found the opportunity through regular check-ins and usage data, reached the "
        "head of the new department, used the results already achieved as evidence, and gives the "
        "value of the new order or the change in the renewal.",
    ),
    QuestionContent(
        "sales-referral-en",
        EN,
        QuestionKind.SITUATIONAL,
        "Several long-standing clients speak highly of us, but none has ever introduced you to a "
        "new client. How would you make them willing to refer you?",
        (RELATIONSHIPS,),
        anchor_low="Asks outright for a list of names, or plans to rely on gifts.",
        anchor_mid="Asks when the client is happy, but has not thought about what would make a "
        "referral worthwhile for the client.",
        anchor_high="Asks just after the client has seen a clear result, first helps them sum up "
        "what they achieved, makes the referral worth something to them too (a peer exchange, a "
        "joint case study), makes the request specific and easy, and tells the client what came "
        "of it.",
    ),
    QuestionContent(
        "sales-relationship-plan-en",
        EN,
        QuestionKind.CREATIVE,
        "Suppose you take over 30 existing clients, and your predecessor left only a spreadsheet "
        "of contacts. Design your plan for the first two months: whom do you see first, what do "
        "you do, and how do you judge how good each relationship is?",
        (RELATIONSHIPS,),
        anchor_low="Calls every client once in turn, with no priorities and no way of judging the "
        "relationship.",
        anchor_mid="Orders visits by contract value, but has no way of telling a good relationship "
        "from a weak one.",
        anchor_high="Groups clients by contract value, renewal date and usage, sees those close "
        "to renewal or with falling usage first, judges each relationship by signals such as "
        "usage, satisfaction and willingness to refer, and records every contact in the CRM for "
        "follow-up.",
    ),
    QuestionContent(
        "sales-usage-drop-en",
        EN,
        QuestionKind.SITUATIONAL,
        "You notice that a major client's use of the system has halved over the last two months, "
        "although they have not complained. What would you do?",
        (RELATIONSHIPS,),
        anchor_low="Does nothing because there is no complaint, or leaves it until the renewal.",
        anchor_mid="Calls the client to ask whether anything is wrong, without looking at the "
        "usage data first.",
        anchor_high="First uses the data to see which departments and features are used less, "
        "visits the users and their manager with those findings, finds the cause (staff changes, "
        "a workflow that does not fit), arranges training or a fix, and agrees when to follow up.",
    ),
    QuestionContent(
        "sales-renewal-standoff-en",
        EN,
        QuestionKind.SCENARIO,
        "Scenario: at a renewal meeting the client's procurement manager says: \"Another vendor "
        "has quoted 25% less than you and will connect your system to our ERP for free. If you "
        "don't match that, we're switching.\" You lead this renewal. Write out how you would "
        "respond in the meeting, and which terms you are ready to trade.",
        (NEGOTIATION, RELATIONSHIPS),
        anchor_low="Agrees to a 25% cut on the spot, or flatly refuses to discuss price and leaves "
        "no room to move.",
        anchor_mid="Asks what the other quote covers and stresses our service and track record, "
        "but concedes without getting anything back.",
        anchor_high="Asks what the other quote includes and what matters most to the client, uses "
        "data from the relationship to show the cost and risk of switching, has concessions ready "
        "within a limit and trades each one for something (a longer contract, payment in advance, "
        "an added module), and agrees when a written offer will follow.",
        difficulty=3,
        answer_seconds=300,
    ),
    QuestionContent(
        "sales-discovery-questions-en",
        EN,
        QuestionKind.TECHNICAL,
        "Before your first visit to a new client, which questions would you prepare to understand "
        "their needs? Write down the questions you most want to ask, and what each one is meant "
        "to find out.",
        (NEGOTIATION,),
        anchor_low='The questions are really product pitches, or there is only "What do you need?"',
        anchor_mid="Lists questions about the current situation and problems, but nothing about "
        "budget, decision-makers or timing.",
        anchor_high="Covers the current situation, the problems and what they cost, who decides "
        "and how, budget and timing; the questions are open and ask one thing at a time, and the "
        "candidate says how each answer would shape the next step.",
        difficulty=1,
    ),
    QuestionContent(
        "sales-explain-value-en",
        EN,
        QuestionKind.CREATIVE,
        "Record a video of about one minute: explain to the owner of a restaurant chain, who is "
        "not a technical person, what an AI customer-service assistant can do for the business.",
        (NEGOTIATION,),
        anchor_low="Piles up technical terms and features; the owner would still not know what it "
        "does for the business.",
        anchor_mid="Uses plain words and names one or two benefits, but does not tie them to a "
        "restaurant's day-to-day or give any figure.",
        anchor_high="Starts from situations a restaurant owner knows (a flood of questions at meal "
        "times, bad delivery reviews), explains in plain words and with one concrete figure what "
        "it saves and earns, speaks at an easy pace, and ends with a clear next step.",
        answer_mode=AnswerMode.VIDEO,
        prep_seconds=30,
        answer_seconds=90,
    ),
    QuestionContent(
        "sales-launch-date-conflict-en",
        EN,
        QuestionKind.SITUATIONAL,
        "A client wants to go live within one month; your delivery colleagues estimate at least "
        "two. Both sides come to you. How would you handle it?",
        (SALES_TEAM, RELATIONSHIPS),
        anchor_low="Promises the client the date to win the deal and leaves delivery to cope, or "
        "simply passes delivery's estimate on to the client.",
        anchor_mid="Carries messages between the two and settles on a date in the middle, without "
        "finding out why the client needs one month.",
        anchor_high="Finds out what lies behind the client's deadline (a promotion, say), works "
        "with delivery to split out a core that can go live first, offers the client a phased "
        "plan with firm dates, and writes the agreement into the project plan.",
        difficulty=3,
    ),
    QuestionContent(
        "sales-share-method-en",
        EN,
        QuestionKind.BEHAVIOURAL,
        "Tell us about a time you turned your own way of working into something you taught the "
        "rest of your team. How well did it work for them?",
        (SALES_TEAM,),
        anchor_low="Has no concrete example, or sees their methods as their own edge and prefers "
        "not to share them.",
        anchor_mid="Shared their experience at a team meeting, but does not know whether anyone "
        "used it.",
        anchor_high="Turned the method into material others could use directly (call scripts, a "
        "visit checklist, cases), practised it alongside colleagues a few times, followed up on "
        "the effect, and can show the change in the team's numbers.",
    ),
    QuestionContent(
        "sales-top-seller-en",
        EN,
        QuestionKind.SITUATIONAL,
        "Your team of four has a quarterly target of 6 million yuan. Your best seller does not "
        "want to coach newcomers and skips the team's deal reviews. As their manager, what would "
        "you do?",
        (SALES_TEAM, PROSPECTING),
        anchor_low="Leaves them alone because their numbers are good, or criticises them in front "
        "of the team.",
        anchor_mid="Talks to them privately and asks them to attend the reviews, without finding "
        "out why they hold back.",
        anchor_high="Learns their concerns one to one (such as losing time for their own deals), "
        "links coaching and the team target to recognition and rewards, offers a role that suits "
        "them (leading the playbook for one type of client), and agrees measurable expectations "
        "and a date to follow up.",
        difficulty=3,
    ),
)
