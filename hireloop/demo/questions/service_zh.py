"""客服专员: the job's own questions, in Chinese.

The first eight are the original hand-written set, in dimension order: the plan generator
takes the first two questions covering each dimension, so they form the job's interview
plan. Do not reorder them.
"""

from hireloop.interviews.enums import AnswerMode, QuestionKind

from .spec import CLARITY, EMPATHY, RESOLUTION, SERVICE_RULES, ZH, QuestionContent

QUESTIONS = (
    QuestionContent(
        "service-angry-merchant",
        ZH,
        QuestionKind.SCENARIO,
        "情景模拟：一位商户打进热线，情绪非常激动：“你们的系统昨天宕机两个小时，我的店一个订单"
        "都没接到，损失至少五千块！你们必须赔偿，不然我就去 12315 投诉、发到网上！”"
        "请直接写出您接下来会怎么说、怎么做。",
        (EMPATHY, RESOLUTION),
        anchor_low="急着解释宕机原因或说“这不归我管”，直接拒绝或随口答应赔偿。",
        anchor_mid="先道歉并表示理解，说明会登记反馈，但没有具体的处理步骤和时间承诺。",
        anchor_high="先让客户把话说完并复述他的损失和感受，真诚道歉；核实店铺和订单情况，"
        "说明补偿政策和申请步骤，给出明确的回电时间并跟进到底。",
        difficulty=3,
        answer_seconds=300,
    ),
    QuestionContent(
        "service-calm-down",
        ZH,
        QuestionKind.BEHAVIOURAL,
        "请讲一次您接待情绪很差的客户、最后让对方平静下来的经历。您说了什么、做了什么？",
        (EMPATHY,),
        anchor_low="只说“按流程处理”，讲不出自己说了什么。",
        anchor_mid="能讲出安抚的话和处理结果，但比较笼统。",
        anchor_high="讲清客户为什么生气、自己如何倾听和回应情绪、怎样把对话引向解决，"
        "以及客户后来的反馈。",
    ),
    QuestionContent(
        "service-follow-up",
        ZH,
        QuestionKind.BEHAVIOURAL,
        "请分享一个您没有当场解决、需要后续跟进才解决的客户问题。您是怎么跟进的，最后结果怎样？",
        (RESOLUTION,),
        anchor_low="转交后就不再关心结果。",
        anchor_mid="提交了工单并在客户追问时查询进度。",
        anchor_high="提交工单时写清事实，约定回复时限，主动跟进二线处理进度并按时回复客户，"
        "直到问题闭环，还把共性问题反馈给了产品。",
    ),
    QuestionContent(
        "service-unknown-answer",
        ZH,
        QuestionKind.SITUATIONAL,
        "客户问的问题您查了知识库也找不到答案，而排队的客户还有二十多位。您会怎么处理？",
        (RESOLUTION,),
        anchor_low="随便给个答案打发客户，或者让客户自己再打来。",
        anchor_mid="告诉客户需要查询，稍后回复，但没有说明时间。",
        anchor_high="如实告知需要核实，记录问题和联系方式并承诺回复时间，转二线或请教组长，"
        "按时回电，并建议把答案补进知识库。",
        difficulty=3,
    ),
    QuestionContent(
        "service-invoice-guide",
        ZH,
        QuestionKind.SITUATIONAL,
        # Was "a customer in their sixties": the difficulty is being new to the app, and
        # tying it to age invites a stereotype the candidate should not be asked to act on.
        "一位客户第一次使用我们的小程序，对手机操作也不太熟悉，怎么也找不到开发票的入口。"
        "请写出您会怎样一步步引导对方。",
        (CLARITY,),
        anchor_low="用“入口在个人中心里”一句话带过，客户再问就不耐烦。",
        anchor_mid="按步骤说明了操作，但没有确认客户每一步是否跟上。",
        anchor_high="放慢语速，一次只说一步并请客户告诉自己看到了什么，用简单的话描述按钮位置，"
        "必要时发送截图短信，最后确认发票已经开好。",
    ),
    QuestionContent(
        "service-misunderstood-policy",
        ZH,
        QuestionKind.BEHAVIOURAL,
        "讲一次您发现客户误解了我们的政策或产品的经历，您是怎样解释清楚的？",
        (CLARITY,),
        anchor_low="照读政策条款，客户仍然不明白。",
        anchor_mid="解释了政策内容，客户接受了，但没有确认理解。",
        anchor_high="先弄清客户是怎么理解的，用例子把政策讲明白并复述确认，同时给出可行的办法。",
    ),
    QuestionContent(
        "service-privacy-request",
        ZH,
        QuestionKind.SITUATIONAL,
        "客户坚持要您把另一位客户的订单信息告诉他，说那是他的合作伙伴。您会怎么回应？",
        (SERVICE_RULES,),
        anchor_low="为了让客户满意就告诉他，或者生硬地拒绝后挂断。",
        anchor_mid="以规定为由拒绝，但没有提供其他办法。",
        anchor_high="礼貌说明隐私保护的原因，给出合规的替代办法（请对方本人授权或自行查询），"
        "并做好记录。",
    ),
    QuestionContent(
        "service-teamwork",
        ZH,
        QuestionKind.BEHAVIOURAL,
        "请讲一次您和同事或其他部门一起解决问题的经历，您在其中承担了什么角色？",
        (SERVICE_RULES,),
        anchor_low="讲不出具体的例子，或抱怨同事不配合。",
        anchor_mid="能说明自己配合了同事，但作用不清楚。",
        anchor_high="讲清问题、各方分工和自己的作用，做好交接记录，事后把经验分享给团队。",
    ),
    # The questions below are not in the plan; HR can swap them in.
    QuestionContent(
        "service-repeat-caller",
        ZH,
        QuestionKind.SCENARIO,
        "情景模拟：一位商户这周第三次打进热线，还是同一个问题：提现已经五天没有到账。电话一接通"
        "他就说：“这件事我已经讲了三遍了，你们到底有没有人管？”请用语音回答，大约一分半钟："
        "您接下来会怎么说？",
        (EMPATHY, RESOLUTION),
        anchor_low="让客户把问题从头再讲一遍，或者只说“我帮您催一下”，没有任何承诺。",
        anchor_mid="先道歉并表示理解，查看了之前的记录，但只是再次催办，没有给出明确的时间。",
        anchor_high="先承认让客户反复来电是我们的问题并真诚致歉，说明自己已经看过之前的记录、"
        "不需要他再讲一遍，告诉他现在卡在哪一步、自己会怎样跟进，给出具体的回电时间，并留下"
        "能直接找到自己的方式。",
        answer_mode=AnswerMode.VOICE,
        prep_seconds=30,
        answer_seconds=90,
    ),
    QuestionContent(
        "service-own-state",
        ZH,
        QuestionKind.BEHAVIOURAL,
        "连续接了几个很难沟通的电话之后，您会怎样调整自己的状态，不把情绪带给下一位客户？"
        "请结合一次真实的经历说说。",
        (EMPATHY,),
        anchor_low="说自己从来不受影响，或者讲不出具体做法。",
        anchor_mid="能说出一些调整的方法（深呼吸、喝口水），但没有结合真实的经历。",
        anchor_high="结合具体经历讲清当时的感受和用了什么办法（如短暂离开座位、和组长简单复盘、"
        "提醒自己客户针对的是问题而不是自己），以及接下来那通电话是怎样接的。",
        difficulty=1,
    ),
    QuestionContent(
        "service-beyond-policy",
        ZH,
        QuestionKind.SITUATIONAL,
        "客户提出的补偿要求超出了政策允许的范围，您已经解释过一次，他还是很不满意。您会怎么回应？",
        (EMPATHY, SERVICE_RULES),
        anchor_low="反复说“这是规定”，或者为了息事宁人私下答应。",
        anchor_mid="再次解释政策并表示歉意，但没有给出其他选择。",
        anchor_high="先承认客户的不满有道理，讲清政策背后的原因，在自己的权限内给出可以选择的替代"
        "方案（如优惠券、优先处理），需要时向上级申请特批，并告诉客户多久答复。",
        difficulty=3,
    ),
    QuestionContent(
        "service-silent-chat",
        ZH,
        QuestionKind.SITUATIONAL,
        "在线客服中，一位客户只回了一句：“算了，你们就这样吧。”之后就不再说话。请写出您会怎样"
        "回复。",
        (EMPATHY, CLARITY),
        anchor_low="回复“好的，请问还有其他问题吗？”然后结束会话。",
        anchor_mid="表示歉意并问客户是否还需要帮助，但语气模板化，没有提到他遇到的具体问题。",
        anchor_high="读出客户的失望，用真诚、具体的话回应他遇到的问题，不催促，给出一个明确的下一步"
        "（如“我现在帮您加急处理，今天下午三点前回复您”），并告诉他之后怎样继续联系。",
    ),
    QuestionContent(
        "service-repeated-issue",
        ZH,
        QuestionKind.BEHAVIOURAL,
        "请讲一次您发现很多客户在反映同一个问题的经历。您是怎么发现的，又做了什么让问题不再发生？",
        (RESOLUTION, SERVICE_RULES),
        anchor_low="每次都当作单独的问题处理，没有意识到这是共性问题。",
        anchor_mid="发现了共性问题并告诉了组长，但不知道后来有没有改进。",
        anchor_high="从工单或来电记录里发现规律，整理出数量、影响和典型案例反馈给产品或相关部门，"
        "先给同事准备统一的临时答复，并跟进到问题修复、相关来电减少。",
    ),
    QuestionContent(
        "service-printer",
        ZH,
        QuestionKind.TECHNICAL,
        "一位商户说店里的小票打印机突然不出单了，新订单只能在手机上看到。电话里您会问哪些问题，"
        "按什么顺序排查？",
        (RESOLUTION, CLARITY),
        anchor_low="不问具体情况，直接让商户重启设备或去找厂家。",
        anchor_mid="按常见原因让商户逐一检查（纸、电源、网络），但顺序随意，也没有记录排查结果。",
        anchor_high="先确认影响范围和开始时间（是否所有订单都不出、从什么时候开始、最近有没有改过"
        "设置），从简单到复杂逐步排查并确认每一步的结果；解决不了时记录信息转给技术同事，告诉"
        "商户临时的接单办法和回复时间。",
    ),
    QuestionContent(
        "service-three-tasks",
        ZH,
        QuestionKind.SITUATIONAL,
        "同一时间您手上有三件事：一位客户在线上等您回复退款进度，一张工单今天下午五点到期，"
        "组长让您半小时内交一份投诉统计。您会怎么安排？",
        (RESOLUTION,),
        anchor_low="按先来后到做，或者只做组长交代的事。",
        anchor_mid="排出了先后顺序，但没有和相关的人沟通预期。",
        anchor_high="按时限和对客户的影响排序，先给正在等待的客户一个明确的答复，确认工单能按时"
        "完成，必要时和组长商量统计延后的时间，做完后逐一确认。",
    ),
    QuestionContent(
        "service-ticket-note",
        ZH,
        QuestionKind.TECHNICAL,
        "请为下面的情况写一张转给技术同事的工单说明：一位商户反映，从昨天晚上开始，顾客用"
        "优惠券下单时提示“支付失败”，不用优惠券就正常。",
        (RESOLUTION, SERVICE_RULES),
        anchor_low="只写“商户支付有问题，请处理”。",
        anchor_mid="写清了现象，但缺少时间、商户信息或已经做过的排查。",
        anchor_high="写清商户编号、开始时间、复现步骤（用券失败、不用券正常）、影响范围、已经尝试"
        "过的排查和客户期望的回复时间，技术同事不用再回头询问。",
    ),
    QuestionContent(
        "service-outage-queue",
        ZH,
        QuestionKind.SCENARIO,
        "情景模拟：周五晚上八点，很多商户同时反映顾客付款后订单状态不更新。五分钟内，排队的在线"
        "咨询从 10 位涨到 120 位，技术同事正在排查，原因还不清楚。您是当班的客服专员。请写出"
        "接下来半小时您会做什么，以及怎样回复正在排队的商户。",
        (RESOLUTION, SERVICE_RULES),
        anchor_low="逐个回复“正在处理，请耐心等待”，不向组长或技术同事报告，也不记录受影响的商户。",
        anchor_mid="向组长报告并用统一的话术回复商户，但话术里没有商户现在能做什么，也没有下次"
        "通知的时间。",
        anchor_high="马上按流程升级并确认技术同事已经知道，和组长商定统一的说明（已知的情况、商户"
        "现在可以怎么做、什么时候再通知），优先回复受影响最大的商户，记录受影响的商户名单，"
        "恢复后主动回访并核对订单。",
        difficulty=3,
        answer_seconds=300,
    ),
    QuestionContent(
        "service-refund-timing",
        ZH,
        QuestionKind.SITUATIONAL,
        "请用语音回答，大约一分钟：一位客户问为什么退款要 3 到 5 个工作日才能到账。请向他解释"
        "原因，并告诉他这段时间可以怎样查询进度。",
        (CLARITY, EMPATHY),
        anchor_low="只说“这是银行规定”，客户仍然不明白，也不知道怎样查询。",
        anchor_mid="讲清了原因，但语速快、术语多，或者没有告诉客户怎样查询进度。",
        anchor_high="用简单的话说明退款要经过哪几个环节、为什么需要几天，告诉客户在哪里查看进度、"
        "超过几天没到账该找谁，最后问客户还有没有不清楚的地方。",
        difficulty=1,
        answer_mode=AnswerMode.VOICE,
        prep_seconds=30,
        answer_seconds=60,
    ),
    QuestionContent(
        "service-maintenance-sms",
        ZH,
        QuestionKind.CREATIVE,
        "下周二凌晨 2 点到 4 点系统升级，期间商户无法接单。请写一条发给商户的短信（不超过 70 个"
        "字），并说明您为什么这样写。",
        (CLARITY,),
        anchor_low="用“系统维护升级优化”之类的套话，时间和影响都不清楚。",
        anchor_mid="写清了时间和影响，但没有告诉商户需要提前做什么准备。",
        anchor_high="用一两句话讲清时间、影响和商户要做的准备（如提前告知顾客、安排其他接单方式），"
        "语气礼貌，留有咨询方式，并控制在字数限制内。",
    ),
    QuestionContent(
        "service-misunderstanding-lesson",
        ZH,
        QuestionKind.BEHAVIOURAL,
        "请讲一次您以为已经向客户讲清楚了、后来才发现对方并没有理解的经历。您后来在做法上改变"
        "了什么？",
        (CLARITY,),
        anchor_low="认为是客户没认真听，自己的做法不需要改变。",
        anchor_mid="事后重新解释了一遍，但没有说明以后怎样避免。",
        anchor_high="讲清误解出在哪里，事后主动联系客户纠正，之后养成了请客户复述关键步骤、用例子"
        "或截图说明的习惯，并说出这样做之后的变化。",
    ),
    QuestionContent(
        "service-identity-check",
        ZH,
        QuestionKind.SITUATIONAL,
        "来电人说自己是商户老板，要求修改收款银行卡，但他报的手机号和账户登记的不一致。他说："
        "“我换号了，很急。”您会怎么处理？",
        (SERVICE_RULES, EMPATHY),
        anchor_low="看对方着急就直接改了，或者生硬地拒绝后挂断。",
        anchor_mid="以信息不符为由拒绝，但没有告诉对方正确的办理途径。",
        anchor_high="理解对方着急，说明核验是为了保护他的资金安全，按规定引导他通过登记的手机号或"
        "提交证明材料完成核验，记录这次来电，必要时提醒风控同事关注。",
        difficulty=3,
    ),
    QuestionContent(
        "service-colleague-error",
        ZH,
        QuestionKind.SITUATIONAL,
        "您发现同事上周给一位客户承诺了错误的退款金额，客户今天打来要求兑现。您会怎么处理？",
        (SERVICE_RULES, RESOLUTION),
        anchor_low="当着客户指责同事，或者按错误的金额照办。",
        anchor_mid="向客户道歉并说明正确金额，但没有和同事或组长沟通。",
        anchor_high="先代表公司承认失误并道歉，查清政策后给出正确方案，需要时申请合理的补偿；私下"
        "和同事沟通、告知组长，并提出改进话术或知识库，避免再出同样的错。",
        difficulty=3,
    ),
    QuestionContent(
        "service-shift-handover",
        ZH,
        QuestionKind.SITUATIONAL,
        "下班前您还有两张工单没有处理完，接班的同事要接着跟进。您会怎样交接，让客户不需要把问题"
        "再讲一遍？",
        (SERVICE_RULES, RESOLUTION),
        anchor_low="口头说一句“这两单你看一下”就下班了。",
        anchor_mid="在工单里写了处理进度，但没有写清下一步和对客户的承诺。",
        anchor_high="在工单里写清客户的问题、已经做过的事、对客户承诺的时间和下一步，当面或在工作群"
        "里和同事确认，必要时告诉客户接手的人是谁、什么时候会联系他。",
        difficulty=1,
    ),
)
