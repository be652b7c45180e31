"""客服专员: the English versions of the job's questions, in the same order as service_zh."""

from hireloop.interviews.enums import AnswerMode, QuestionKind

from .spec import CLARITY, EMPATHY, EN, RESOLUTION, SERVICE_RULES, QuestionContent

QUESTIONS = (
    QuestionContent(
        "service-angry-merchant-en",
        EN,
        QuestionKind.SCENARIO,
        'Scenario: a merchant calls the hotline, very upset: "Your system was down for two hours '
        "yesterday and my shop didn't get a single order. I've lost at least 5,000 yuan! You have "
        "to compensate me, or I'll complain to the consumer protection hotline and post about it "
        'online!" Write out what you would say and do next.',
        (EMPATHY, RESOLUTION),
        anchor_low='Rushes to explain the outage or says "that\'s not my department"; refuses '
        "outright or promises compensation on the spot.",
        anchor_mid="Apologises and shows understanding first and says the complaint will be "
        "recorded, but gives no concrete steps and no time.",
        anchor_high="Lets the merchant finish, repeats back the loss and how they feel, apologises "
        "sincerely; checks the shop's orders, explains the compensation policy and how to apply, "
        "gives a clear time for a call back and follows it through.",
        difficulty=3,
        answer_seconds=300,
    ),
    QuestionContent(
        "service-calm-down-en",
        EN,
        QuestionKind.BEHAVIOURAL,
        "Tell us about a time you served a very upset customer and they ended up calm. What did "
        "you say, and what did you do?",
        (EMPATHY,),
        anchor_low='Only says "I followed the procedure"; cannot say what they actually said.',
        anchor_mid="Describes what they said to reassure the customer and the outcome, but in "
        "general terms.",
        anchor_high="Explains why the customer was upset, how they listened and responded to the "
        "feelings, how they steered the conversation towards a solution, and what the customer "
        "said afterwards.",
    ),
    QuestionContent(
        "service-follow-up-en",
        EN,
        QuestionKind.BEHAVIOURAL,
        "Tell us about a customer problem you could not solve on the spot and had to follow up "
        "on. How did you follow it up, and how did it end?",
        (RESOLUTION,),
        anchor_low="Handed it on and did not check on it again.",
        anchor_mid="Submitted a ticket and checked its progress when the customer chased.",
        anchor_high="Wrote the facts clearly in the ticket, agreed a time to reply, chased the "
        "second-line team, got back to the customer on time until the problem was closed, and "
        "reported the underlying issue to the product team.",
    ),
    QuestionContent(
        "service-unknown-answer-en",
        EN,
        QuestionKind.SITUATIONAL,
        "A customer asks something you cannot find in the knowledge base, and more than twenty "
        "customers are waiting in the queue. What do you do?",
        (RESOLUTION,),
        anchor_low="Gives any answer to end the call, or tells the customer to call again.",
        anchor_mid="Tells the customer it needs checking and that they will hear back, without "
        "saying when.",
        anchor_high="Says honestly that it needs checking, records the question and contact "
        "details and promises a time to reply, passes it to second line or asks the team lead, "
        "calls back on time, and suggests adding the answer to the knowledge base.",
        difficulty=3,
    ),
    QuestionContent(
        "service-invoice-guide-en",
        EN,
        QuestionKind.SITUATIONAL,
        "A customer is using our mini-program for the first time, is not at ease with phone apps, "
        "and cannot find where to request an invoice. Write out how you would guide them, step by "
        "step.",
        (CLARITY,),
        anchor_low='Says in one sentence "it\'s under My Account" and grows impatient when asked '
        "again.",
        anchor_mid="Explains the steps, but does not check that the customer keeps up with each "
        "one.",
        anchor_high="Slows down, gives one step at a time and asks the customer what they see, "
        "describes where the buttons are in plain words, sends a screenshot by text message if "
        "needed, and checks at the end that the invoice has been issued.",
    ),
    QuestionContent(
        "service-misunderstood-policy-en",
        EN,
        QuestionKind.BEHAVIOURAL,
        "Tell us about a time you found that a customer had misunderstood one of our policies or "
        "products. How did you make it clear?",
        (CLARITY,),
        anchor_low="Read out the wording of the policy; the customer still did not understand.",
        anchor_mid="Explained the policy and the customer accepted it, but did not check that it "
        "had been understood.",
        anchor_high="First found out how the customer had understood it, explained the policy with "
        "an example, had the customer say it back in their own words, and offered a workable way "
        "forward.",
    ),
    QuestionContent(
        "service-privacy-request-en",
        EN,
        QuestionKind.SITUATIONAL,
        "A customer insists that you tell them the order details of another customer, saying that "
        "the other customer is their business partner. How do you respond?",
        (SERVICE_RULES,),
        anchor_low="Gives the details to keep the customer happy, or refuses curtly and hangs up.",
        anchor_mid="Refuses, citing the rules, but offers no alternative.",
        anchor_high="Explains politely why privacy is protected, offers a compliant alternative "
        "(the other customer gives consent or looks the order up themselves), and records the "
        "request.",
    ),
    QuestionContent(
        "service-teamwork-en",
        EN,
        QuestionKind.BEHAVIOURAL,
        "Tell us about a time you solved a problem together with colleagues or another "
        "department. What was your part in it?",
        (SERVICE_RULES,),
        anchor_low="Cannot give a concrete example, or complains that colleagues did not help.",
        anchor_mid="Says they helped colleagues, but their own part stays unclear.",
        anchor_high="Explains the problem, who did what and their own part, kept handover notes, "
        "and shared the lessons with the team afterwards.",
    ),
    QuestionContent(
        "service-repeat-caller-en",
        EN,
        QuestionKind.SCENARIO,
        "Scenario: a merchant calls the hotline for the third time this week about the same "
        "problem: a withdrawal has not arrived after five days. As soon as you answer, they say: "
        '"I\'ve explained this three times already. Is anyone actually dealing with it?" Record '
        "your answer, about a minute and a half: what do you say next?",
        (EMPATHY, RESOLUTION),
        anchor_low="Asks the merchant to explain the problem again from the start, or only says "
        '"I\'ll chase it for you", with no commitment.',
        anchor_mid="Apologises, shows understanding and looks at the earlier records, but only "
        "chases again and gives no clear time.",
        anchor_high="Admits that having to call again and again is our failure and apologises "
        "sincerely, says they have read the earlier records so nothing needs repeating, explains "
        "where the withdrawal is stuck and how they will follow it up, gives a specific time for a "
        "call back, and leaves a way to reach them directly.",
        answer_mode=AnswerMode.VOICE,
        prep_seconds=30,
        answer_seconds=90,
    ),
    QuestionContent(
        "service-own-state-en",
        EN,
        QuestionKind.BEHAVIOURAL,
        "After several difficult calls in a row, how do you reset yourself so that the next "
        "customer does not feel your frustration? Please tell us about a real occasion.",
        (EMPATHY,),
        anchor_low="Says they are never affected, or cannot name anything they do.",
        anchor_mid="Names a few ways of resetting (a deep breath, a sip of water), but not tied to "
        "a real occasion.",
        anchor_high="Describes a real occasion: how they felt, what they did (a short break away "
        "from the desk, a quick debrief with the team lead, reminding themselves that the anger is "
        "about the problem, not about them), and how the next call went.",
        difficulty=1,
    ),
    QuestionContent(
        "service-beyond-policy-en",
        EN,
        QuestionKind.SITUATIONAL,
        "A customer asks for compensation beyond what our policy allows. You have explained this "
        "once, and they are still very unhappy. How do you respond?",
        (EMPATHY, SERVICE_RULES),
        anchor_low='Repeats "those are the rules", or quietly agrees to smooth things over.',
        anchor_mid="Explains the policy again and apologises, but offers no other option.",
        anchor_high="Acknowledges that the frustration is understandable, explains the reason "
        "behind the policy, offers alternatives within their authority (a voucher, priority "
        "handling), asks a supervisor for an exception where it is justified, and tells the "
        "customer when they will hear back.",
        difficulty=3,
    ),
    QuestionContent(
        "service-silent-chat-en",
        EN,
        QuestionKind.SITUATIONAL,
        'In an online chat, a customer replies only: "Never mind. I give up on you." Then they go '
        "quiet. Write the reply you would send.",
        (EMPATHY, CLARITY),
        anchor_low='Replies "OK, is there anything else I can help with?" and closes the chat.',
        anchor_mid="Apologises and asks whether the customer still needs help, but in a stock "
        "phrase that does not mention their actual problem.",
        anchor_high="Picks up the customer's disappointment, responds sincerely and specifically "
        "to the problem they had, does not rush them, offers a clear next step (\"I'm escalating "
        'this now and will reply by 3 p.m. today"), and tells them how to get back in touch.',
    ),
    QuestionContent(
        "service-repeated-issue-en",
        EN,
        QuestionKind.BEHAVIOURAL,
        "Tell us about a time you noticed that many customers were reporting the same problem. "
        "How did you notice, and what did you do so that it would stop happening?",
        (RESOLUTION, SERVICE_RULES),
        anchor_low="Handled each case on its own and did not see that it was a shared problem.",
        anchor_mid="Spotted the shared problem and told the team lead, but does not know whether "
        "anything changed.",
        anchor_high="Found the pattern in tickets or call records, reported the number of cases, "
        "the impact and typical examples to the product team or the department concerned, "
        "prepared a common interim answer for colleagues, and followed up until it was fixed and "
        "the related contacts dropped.",
    ),
    QuestionContent(
        "service-printer-en",
        EN,
        QuestionKind.TECHNICAL,
        "A merchant says the receipt printer in their shop has suddenly stopped printing orders; "
        "new orders only show up on their phone. On the phone, which questions would you ask, and "
        "in what order would you troubleshoot?",
        (RESOLUTION, CLARITY),
        anchor_low="Tells the merchant to restart the device or contact the manufacturer, without "
        "asking anything.",
        anchor_mid="Has the merchant check the usual causes one by one (paper, power, network), "
        "but in no particular order and without noting the results.",
        anchor_high="First establishes the scope and when it started (all orders or some, since "
        "when, any settings changed recently), works from simple to complex checks and confirms "
        "the result of each step; if it cannot be solved, records the details for the technical "
        "team and tells the merchant how to take orders meanwhile and when they will hear back.",
    ),
    QuestionContent(
        "service-three-tasks-en",
        EN,
        QuestionKind.SITUATIONAL,
        "At the same moment you have three things to do: a customer is waiting online for news of "
        "a refund, a ticket is due at 5 p.m. today, and your team lead wants a complaint summary "
        "within half an hour. How do you organise it?",
        (RESOLUTION,),
        anchor_low="Works first come, first served, or only does what the team lead asked for.",
        anchor_mid="Sets an order, but does not tell the people involved what to expect.",
        anchor_high="Orders the work by deadline and impact on customers, gives the waiting "
        "customer a clear answer first, makes sure the ticket will be done on time, agrees a later "
        "time for the summary with the team lead if needed, and confirms each item when done.",
    ),
    QuestionContent(
        "service-ticket-note-en",
        EN,
        QuestionKind.TECHNICAL,
        "Write the ticket note you would pass to the technical team for this case: a merchant "
        'reports that since last night, customers who pay with a coupon get a "payment failed" '
        "message, while payments without a coupon work.",
        (RESOLUTION, SERVICE_RULES),
        anchor_low='Writes only "Merchant has a payment problem, please handle."',
        anchor_mid="Describes what happens, but leaves out the time, the merchant's details or "
        "what has already been checked.",
        anchor_high="Gives the merchant ID, when it started, the steps to reproduce (fails with a "
        "coupon, works without), how many are affected, what has been tried and when the customer "
        "expects an answer, so the technical team does not need to come back with questions.",
    ),
    QuestionContent(
        "service-outage-queue-en",
        EN,
        QuestionKind.SCENARIO,
        "Scenario: at 8 p.m. on a Friday, many merchants report at once that orders are not "
        "updating after customers pay. Within five minutes the online queue grows from 10 to 120 "
        "merchants. The technical team is investigating, and the cause is not yet known. You are "
        "the customer service specialist on shift. Write out what you would do over the next half "
        "hour, and how you would reply to the merchants waiting in the queue.",
        (RESOLUTION, SERVICE_RULES),
        anchor_low='Replies to each merchant "We\'re working on it, please be patient", tells '
        "neither the team lead nor the technical team, and keeps no record of who is affected.",
        anchor_mid="Tells the team lead and replies with a common script, but the script says "
        "nothing about what merchants can do now or when they will hear next.",
        anchor_high="Escalates at once through the agreed channel and confirms the technical team "
        "knows, agrees a common message with the team lead (what is known, what merchants can do "
        "now, when the next update comes), answers the worst-affected merchants first, keeps a "
        "list of affected merchants, and calls them back after recovery to check their orders.",
        difficulty=3,
        answer_seconds=300,
    ),
    QuestionContent(
        "service-refund-timing-en",
        EN,
        QuestionKind.SITUATIONAL,
        "Please record your answer, about one minute long: a customer asks why a refund takes "
        "three to five working days to arrive. Explain the reason to them, and tell them how they "
        "can check its progress in the meantime.",
        (CLARITY, EMPATHY),
        anchor_low="Only says \"that's the bank's rule\"; the customer still does not understand "
        "and does not know how to check.",
        anchor_mid="Explains the reason, but too fast or with jargon, or does not say how to check "
        "the progress.",
        anchor_high="Explains in plain words which steps the refund passes through and why that "
        "takes a few days, tells the customer where to check the progress and whom to contact if "
        "it has not arrived after a given number of days, and ends by asking whether anything is "
        "still unclear.",
        difficulty=1,
        answer_mode=AnswerMode.VOICE,
        prep_seconds=30,
        answer_seconds=60,
    ),
    QuestionContent(
        "service-maintenance-sms-en",
        EN,
        QuestionKind.CREATIVE,
        "The system will be upgraded next Tuesday from 2 to 4 a.m., and merchants cannot take "
        "orders during that time. Write the text message to merchants (at most 160 characters), "
        "and explain why you wrote it that way.",
        (CLARITY,),
        anchor_low='Uses stock phrases such as "system maintenance and optimisation"; the time and '
        "the impact are unclear.",
        anchor_mid="States the time and the impact, but does not tell merchants how to prepare.",
        anchor_high="States in one or two sentences the time, the impact and what merchants should "
        "do beforehand (tell their customers, arrange another way to take orders), politely, with "
        "a contact for questions, and within the length limit.",
    ),
    QuestionContent(
        "service-misunderstanding-lesson-en",
        EN,
        QuestionKind.BEHAVIOURAL,
        "Tell us about a time you thought you had explained something clearly to a customer and "
        "later found they had not understood. What did you change in the way you work?",
        (CLARITY,),
        anchor_low="Puts it down to the customer not listening; sees nothing to change in their "
        "own approach.",
        anchor_mid="Explained it again afterwards, but says nothing about avoiding it in future.",
        anchor_high="Explains where the misunderstanding came from, contacted the customer to put "
        "it right, has since made a habit of asking customers to repeat the key steps and of "
        "using examples or screenshots, and can say what changed as a result.",
    ),
    QuestionContent(
        "service-identity-check-en",
        EN,
        QuestionKind.SITUATIONAL,
        "A caller says they own a merchant account and asks to change the bank card that receives "
        "payouts, but the phone number they give does not match the one on the account. They "
        "say: \"I've changed my number. It's urgent.\" What do you do?",
        (SERVICE_RULES, EMPATHY),
        anchor_low="Makes the change because the caller is in a hurry, or refuses curtly and "
        "hangs up.",
        anchor_mid="Refuses because the details do not match, but does not explain the proper way "
        "to make the change.",
        anchor_high="Acknowledges the urgency, explains that the check protects the caller's "
        "money, guides them through verification as the rules require (the registered phone "
        "number or supporting documents), records the call, and alerts the risk team if something "
        "seems wrong.",
        difficulty=3,
    ),
    QuestionContent(
        "service-colleague-error-en",
        EN,
        QuestionKind.SITUATIONAL,
        "You discover that last week a colleague promised a customer the wrong refund amount, and "
        "today the customer calls to ask for that amount. What do you do?",
        (SERVICE_RULES, RESOLUTION),
        anchor_low="Blames the colleague in front of the customer, or pays out the wrong amount "
        "anyway.",
        anchor_mid="Apologises to the customer and explains the correct amount, but does not "
        "speak to the colleague or the team lead.",
        anchor_high="Owns the mistake on the company's behalf and apologises, checks the policy "
        "and offers the correct solution, requests reasonable compensation where appropriate; "
        "speaks to the colleague privately, informs the team lead, and proposes a fix to the "
        "script or the knowledge base so it does not happen again.",
        difficulty=3,
    ),
    QuestionContent(
        "service-shift-handover-en",
        EN,
        QuestionKind.SITUATIONAL,
        "At the end of your shift you still have two open tickets, and a colleague on the next "
        "shift will take them over. How do you hand them over so that the customers do not have "
        "to explain their problems again?",
        (SERVICE_RULES, RESOLUTION),
        anchor_low='Says "Can you take a look at these two?" and leaves.',
        anchor_mid="Notes the progress in the tickets, but not the next step or what was promised "
        "to the customer.",
        anchor_high="Writes in each ticket the customer's problem, what has been done, what time "
        "was promised and the next step, confirms with the colleague in person or in the team "
        "chat, and where needed tells the customer who is taking over and when they will be in "
        "touch.",
        difficulty=1,
    ),
)
