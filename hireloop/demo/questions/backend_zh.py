"""Backend Engineer: the Chinese versions of the job's questions, in the same order as backend_en.

Technical names stay as engineers write them in Chinese (Django, PostgreSQL, Redis, CI).
"""

from hireloop.interviews.enums import AnswerMode, QuestionKind

from .spec import DESIGN, INCIDENTS, OWNERSHIP, QUALITY, ZH, QuestionContent

QUESTIONS = (
    QuestionContent(
        "backend-traffic-growth-zh",
        ZH,
        QuestionKind.TECHNICAL,
        "请讲讲您做过或改过的一个服务，它需要承接流量的急剧增长。瓶颈在哪里，您做了哪些取舍，"
        "又是怎么确认改动有效的？",
        (DESIGN,),
        anchor_low="只罗列用过的技术，说不出瓶颈在哪里，也说不出怎样衡量效果。",
        anchor_mid="讲了一个合理的改动（缓存、索引或队列），有大致的前后对比，但只考虑了一种方案。",
        anchor_high="通过测量找到瓶颈，比较几种方案及其代价，考虑了出错时会怎样，并给出改动前后"
        "延迟和吞吐量的数字。",
        difficulty=3,
    ),
    QuestionContent(
        "backend-ticket-feed-zh",
        ZH,
        QuestionKind.SITUATIONAL,
        "我们需要让 2000 名客服坐席在工单创建后一秒内看到新工单。请简要说说您会怎样用 Django 和"
        " PostgreSQL 实现，以及在增加更多基础设施之前，您会先测量什么。",
        (DESIGN, QUALITY),
        anchor_low="不估算负载，直接引入一整套新技术（Kafka、微服务）。",
        anchor_mid="提出轮询或 WebSocket，数据模型合理，但没有估算负载，也没考虑出错的情况。",
        anchor_high="先估算负载，从简单的方案做起（带索引的查询、LISTEN/NOTIFY 或推送通道），"
        "说清要测量什么（p99 延迟、连接数、查询耗时），以及到什么程度需要改变设计。",
        difficulty=3,
    ),
    QuestionContent(
        "backend-friday-incident-zh",
        ZH,
        QuestionKind.SCENARIO,
        "情景模拟：周五晚上 21:40，告警响了：下单接口的 p99 延迟从 200 毫秒涨到 8 秒，12% 的请求"
        "失败。21:10 刚上线过一次发布。您正在值班。请一步步说说前 30 分钟您会做什么，以及故障"
        "结束之后还要做什么。",
        (INCIDENTS,),
        anchor_low="马上在生产代码里开始排查，不回滚，也不通知任何人。",
        anchor_mid="查看日志并回滚了发布，但很少提到沟通和事后跟进。",
        anchor_high="确认告警、宣布故障并定时同步进展，先回滚止损，在监控面板上确认恢复，然后"
        "查明根因，组织一次不追责的复盘并落实改进项。",
        difficulty=3,
        answer_seconds=600,
    ),
    QuestionContent(
        "backend-hardest-bug-zh",
        ZH,
        QuestionKind.BEHAVIOURAL,
        "请讲讲您排查过的最难的一个 bug。您是怎样一步步缩小范围的，根因是什么，您做了什么改动"
        "让它不会再发生？",
        (INCIDENTS, QUALITY),
        anchor_low="随手改了几处之后 bug 消失了，根因不清楚。",
        anchor_mid="用日志或调试器找到原因并修好了，但没有补测试，也没有防止再次发生的措施。",
        anchor_high="先稳定复现，再用证据缩小范围（二分定位提交、链路追踪、指标），讲清根因，"
        "并补上回归测试或监控。",
    ),
    QuestionContent(
        "backend-tests-worth-it-zh",
        ZH,
        QuestionKind.BEHAVIOURAL,
        "请讲一次您认为值得多花时间写测试的改动。您测了什么，在哪个层面测的，这些测试发现了"
        "或避免了什么问题？",
        (QUALITY,),
        anchor_low="因为评审要求才写测试，说不出测试覆盖了什么。",
        anchor_mid="为改动写了单元测试，并在 CI 里通过。",
        anchor_high="按风险选择单元测试和集成测试，测了真正重要的边界情况，并能说出测试发现的"
        "某个缺陷或回归。",
    ),
    QuestionContent(
        "backend-large-pr-zh",
        ZH,
        QuestionKind.SITUATIONAL,
        "一位同事的 pull request 功能没问题，但把重构和新功能混在一起，没有测试，足有 1500 行。"
        "明天就要发布。您会怎么做？",
        (QUALITY, OWNERSHIP),
        anchor_low="为了按时发布直接批准，或者留一句生硬的评论就拒绝。",
        anchor_mid="要求补测试并拆分，但没有考虑发布时间。",
        anchor_high="先和作者当面沟通，商定拆分方式（新功能放在开关后面先上，重构之后再合），"
        "一起给风险最大的部分补测试，评审意见具体而友善。",
        difficulty=3,
    ),
    QuestionContent(
        "backend-disagreement-zh",
        ZH,
        QuestionKind.BEHAVIOURAL,
        "请讲一次您和其他团队或资深工程师在技术决策上意见不一致的经历。您是怎么处理的，结果如何？",
        (OWNERSHIP,),
        anchor_low="默默接受，或者不和相关的人沟通就直接向上反映。",
        anchor_mid="在会上提出了顾虑，然后接受了决定。",
        anchor_high="先理解对方的约束，拿出数据或原型，达成决定并记录下来，同时保持良好的合作"
        "关系。",
    ),
    QuestionContent(
        "backend-owned-end-to-end-zh",
        ZH,
        QuestionKind.BEHAVIOURAL,
        "请讲一件没有人要求、您却从头到尾负责下来的事：一个工具、一个流程或系统的某个部分。"
        "您为什么要做它，又是怎样衡量结果的？",
        (OWNERSHIP,),
        anchor_low="只做分配下来的任务，举不出主动做事的例子。",
        anchor_mid="为自己或团队改进了一些有用的东西，但没有衡量效果。",
        anchor_high="发现一个影响团队或客户的问题，主动负责，拉上相关的人，把它做完上线，并衡量"
        "了效果（节省的时间、避免的故障）。",
    ),
    QuestionContent(
        "backend-duplicate-webhooks-zh",
        ZH,
        QuestionKind.TECHNICAL,
        "我们的支付服务商有时会把同一个 webhook 事件推送两三次，偶尔还会乱序。您会怎样设计接收"
        "这些事件的接口，保证每笔支付只记录一次，并且最终处于正确的状态？",
        (DESIGN, QUALITY),
        anchor_low="假设每个事件只来一次且按顺序到达，或者在进程内存里去重，重启就丢、多台服务器"
        "之间也不共享。",
        anchor_mid="把服务商的事件 ID 存下来并加唯一约束来丢弃重复事件，但没有处理乱序，也没有"
        "考虑保存事件之后、处理之前进程崩溃的情况。",
        anchor_high="在状态变更的同一个事务里写入带唯一约束的事件 ID，只接受让支付状态向前推进的"
        "变化（按状态或版本号），尽快返回确认、把耗时的工作交给后台任务，并说明怎样测试重复和"
        "乱序的推送。",
        difficulty=3,
    ),
    QuestionContent(
        "backend-stale-cache-zh",
        ZH,
        QuestionKind.SITUATIONAL,
        "为了减轻数据库压力，您在商户设置接口前面加了一层 Redis 缓存。一周后商户反映，修改设置"
        "之后要过好几分钟才生效。可能是什么原因，您会怎么解决？",
        (DESIGN, INCIDENTS),
        anchor_low="把过期时间调短直到没人投诉，或者不看它省下了多少负载就把缓存去掉。",
        anchor_mid="保存设置时删除对应的缓存，但漏掉了其他写入设置的代码路径，或者没有考虑读取和"
        "删除之间的竞争。",
        anchor_high="指出缓存只在过期时才刷新，在每条写入路径上、事务提交之后删除或更新缓存，"
        "处理读取后回填旧值的竞争（带版本号的键，再用较短的过期时间兜底），事后检查命中率和"
        "数据库负载。",
    ),
    QuestionContent(
        "backend-slow-side-effect-zh",
        ZH,
        QuestionKind.TECHNICAL,
        "客服关闭工单时，我们会给客户发一封满意度调查邮件。现在邮件是在 Web 请求里同步发送的，"
        "邮件服务器一慢，关闭一张工单就要十秒。您会怎么改，新的设计又可能出什么问题？",
        (DESIGN, QUALITY),
        anchor_low="开一个线程去发邮件，不考虑失败和邮件丢失。",
        anchor_mid="改成带重试的后台任务，但没有考虑事务回滚或任务执行两次的情况。",
        anchor_high="在事务提交之后才把任务放进队列，传工单 ID 而不是对象，让任务可以安全地重复"
        "执行、重试也不会多发一封，重试时逐步拉长间隔，多次失败时告警，并监控队列长度。",
    ),
    QuestionContent(
        "backend-tenant-isolation-zh",
        ZH,
        QuestionKind.TECHNICAL,
        "我们系统里的每张表都存着许多商户的数据。您会怎样保证一个商户永远看不到另一个商户的"
        "数据？请从代码和测试两方面说说。",
        (DESIGN, QUALITY),
        anchor_low="靠每个开发者记得在每条查询里按商户过滤。",
        anchor_mid="通过公共的辅助函数或 manager 按商户过滤查询，但对忘了过滤的查询没有测试或"
        "防护。",
        anchor_high="让按商户过滤成为默认路径（限定范围的 queryset，商户取自已认证的请求而不是"
        "用户输入），为每个接口写尝试读取其他商户数据的测试，把商户放进缓存键，并考虑数据库层"
        "的防护，例如行级安全策略。",
        difficulty=3,
    ),
    QuestionContent(
        "backend-column-rename-zh",
        ZH,
        QuestionKind.TECHNICAL,
        "您需要在一张 2 亿行的 PostgreSQL 表上重命名一个字段，服务不能停，而且发布期间新旧两个"
        "版本的代码会同时运行。您会怎么做？",
        (DESIGN, QUALITY),
        anchor_low="在发布时直接执行 ALTER TABLE … RENAME，没有考虑仍在运行的旧代码。",
        anchor_mid="知道直接重命名会让旧代码出错，改为新增字段，但用一条大 UPDATE 复制数据，"
        "导致锁表或表膨胀。",
        anchor_high="指出重命名本身很快、但会让正在运行的代码出错，采用扩展再收缩的做法：新增"
        "字段、双写、小批量回填、切换读取、在之后的版本里删除旧字段；过程中关注锁和主从延迟，"
        "每一步都能回退。",
        difficulty=3,
    ),
    QuestionContent(
        "backend-data-leak-zh",
        ZH,
        QuestionKind.SCENARIO,
        "情景模拟：周一上午 10:15，客服团队告诉您，有两个商户在自己的工单列表里看到了其他商户的"
        "客户姓名，目前还不清楚影响了多少商户。上周五刚上线过一次缓存相关的改动。您正在值班。"
        "第一个小时里您会做什么，会通知哪些人？",
        (INCIDENTS, OWNERSHIP),
        anchor_low="泄露还在继续，就开始读代码找 bug，也不告诉团队以外的任何人。",
        anchor_mid="回滚或关闭了那次改动并修复了 bug，但把它当作普通 bug：没有通知负责安全和"
        "隐私的人，也没有查清受影响的商户。",
        anchor_high="先止住泄露（回滚、关闭或清空缓存），宣布安全事件并拉上负责安全和隐私的同事，"
        "因为个人信息泄露可能需要依法报告；保留日志作为证据，查清哪些商户、哪些记录被暴露，"
        "然后查明根因并组织复盘。",
        difficulty=3,
        answer_seconds=600,
    ),
    QuestionContent(
        "backend-slow-ticket-list-zh",
        ZH,
        QuestionKind.TECHNICAL,
        "工单列表页变慢了：工单多的商户要等四秒，工单少的不到一秒。您会怎样查出原因，又会考虑"
        "哪些改法？",
        (INCIDENTS, DESIGN),
        anchor_low="不查时间花在哪里，直接加缓存或换更大的服务器。",
        anchor_mid="看了 SQL 并加了索引，但没有检查执行计划，也没看每个页面发出多少条查询。",
        anchor_high="先测量（统计每个请求的查询数以发现 N+1，对最慢的查询做 EXPLAIN ANALYZE，"
        "看数据库之外花了多少时间），再针对原因修改（select_related 或 prefetch_related、"
        "与过滤和排序匹配的索引、用游标分页代替大偏移量），并在接近生产规模的数据上确认效果。",
    ),
    QuestionContent(
        "backend-alert-fatigue-zh",
        ZH,
        QuestionKind.SITUATIONAL,
        "值班工程师每周要收到大约 40 条告警，大部分其实不需要处理，大家已经开始忽略告警了。"
        "您会做哪些改变？",
        (INCIDENTS, OWNERSHIP),
        anchor_low="不看这些告警能发现什么，就把最吵的静音，或者把所有阈值调高。",
        anchor_mid="逐条调整或删掉最吵的告警，但没有一个什么情况才值得叫醒人的标准。",
        anchor_high="回顾几周的告警，看哪些真正需要处理；只为用户能感受到的症状（错误率、超出"
        "目标的延迟）呼叫值班人，其余转成工单；给每条告警指定负责人和处理手册，并在之后跟踪"
        "每周的呼叫次数。",
    ),
    QuestionContent(
        "backend-flaky-test-zh",
        ZH,
        QuestionKind.SITUATIONAL,
        "CI 里有一个测试大约每二十次会失败一次，团队已经习惯了一直点“重新运行”直到通过。"
        "您会怎么做？",
        (INCIDENTS, QUALITY),
        anchor_low="继续重跑，或者干脆删掉这个测试。",
        anchor_mid="先把测试标记为跳过，开一张工单以后再看。",
        anchor_high="把失败当作真实的信号：反复运行或打乱顺序运行来复现，找到原因（共享状态、"
        "时间、测试顺序、并发），修好它，并和团队约定处理不稳定测试的规则（隔离起来，指定负责人"
        "和期限）。",
    ),
    QuestionContent(
        "backend-merge-intervals-zh",
        ZH,
        QuestionKind.CODING,
        "编程题：合并区间。完整的题目和示例显示在本题中。请在编辑器里写出清晰易读的解法，最后用"
        "一段简短的注释说明您考虑了哪些边界情况，以及运行时间。",
        (QUALITY,),
        anchor_low="代码通不过基本示例，或者只在输入已经排好序时才正确；没有考虑边界情况。",
        anchor_mid="先排序再合并，示例都能通过，但漏掉了某个边界情况（如空输入、首尾相接的区间、"
        "一个区间包含另一个），或者代码难以读懂。",
        anchor_high="通过全部测试，包括空输入以及嵌套、首尾相接的区间；排序一次、一遍合并"
        "（O(n log n)），命名清楚，注释写明了边界情况。",
        answer_mode=AnswerMode.CODE,
        answer_seconds=1500,
        code_problem="merge_intervals",
    ),
    QuestionContent(
        "backend-top-k-words-zh",
        ZH,
        QuestionKind.CODING,
        "编程题：出现次数最多的 k 个单词。完整的题目和示例显示在本题中。请在编辑器里写出清晰易读"
        "的解法，最后用一段简短的注释说明次数相同的单词怎样排序，以及运行时间怎样随输入增长。",
        (QUALITY,),
        anchor_low="用嵌套循环计数或排序出错，好几个测试通不过，常见的是次数相同的情况。",
        anchor_mid="计数正确（用字典或计数器），主要示例能通过，但次数相同的单词没有按字母顺序"
        "排列，或者不同单词少于 k 个时出错。",
        anchor_high="通过全部测试：一遍计数，按次数、再按字母顺序排列，不同单词少于 k 个时全部"
        "返回，并说明运行时间（计数 O(n)，再排序或用堆）。",
        answer_mode=AnswerMode.CODE,
        answer_seconds=1500,
        code_problem="top_k_frequent_words",
    ),
    QuestionContent(
        "backend-valid-brackets-zh",
        ZH,
        QuestionKind.CODING,
        "编程题：判断字符串里的括号是否正确配对。完整的题目和示例显示在本题中。请在编辑器里写出"
        "清晰易读的解法，最后用一段简短的注释说明您测试了哪些情况。",
        (QUALITY,),
        anchor_low="只数左右括号的个数，于是“)(”或“([)]”这样的输入也被判为正确。",
        anchor_mid="用栈实现，常见示例能通过，但空字符串、没有括号的文字或结尾还有未闭合括号的"
        "情况出错。",
        anchor_high="用栈加上右括号到左括号的映射通过全部测试，忽略其他字符，遇到第一个不匹配就"
        "返回，最后检查栈是否为空，并列出测试过的边界情况。",
        difficulty=1,
        answer_mode=AnswerMode.CODE,
        answer_seconds=900,
        code_problem="valid_brackets",
    ),
    QuestionContent(
        "backend-explain-to-support-zh",
        ZH,
        QuestionKind.SCENARIO,
        "情景模拟：从周二开始，大商户导出工单一直失败。原因是导出查询超过了数据库 30 秒的上限"
        "被中止，修复会在周四上线。不懂技术的客服同事来问您是怎么回事。请用大约一分半钟的语音，"
        "说出您会怎样告诉他们：出了什么问题，周四之前商户可以怎么办，接下来会怎样。",
        (OWNERSHIP, INCIDENTS),
        anchor_low="用数据库术语（超时、执行计划）解释，客服没法转述给商户，也没有给出日期或"
        "临时办法。",
        anchor_mid="用平实的话讲清了问题并给出周四这个日期，但没有告诉商户在此之前可以怎么办。",
        anchor_high="用平实的话说清哪里出错、影响哪些商户，给出商户现在就能用的临时办法（缩短"
        "导出的日期范围），说明修复时间和下次同步进展的时间，并主动提供一段客服可以直接转发的"
        "文字说明。",
        answer_mode=AnswerMode.VOICE,
        prep_seconds=60,
        answer_seconds=90,
    ),
    QuestionContent(
        "backend-estimate-slip-zh",
        ZH,
        QuestionKind.BEHAVIOURAL,
        "请讲一次您负责的工作眼看要比您承诺的时间晚很多的经历。您是什么时候发现的，做了什么，"
        "告诉了谁？",
        (OWNERSHIP,),
        anchor_low="一直不说，直到过了截止时间；或者把原因全部归到需求变化上。",
        anchor_mid="延期已经很明显时告诉了主管，并加班追赶进度。",
        anchor_high="通过对照计划跟踪进度及早发现，及时告诉依赖这项工作的人，给出新的估计和"
        "可选方案（缩小范围、分阶段交付），之后也改进了自己做估算的方法。",
    ),
    QuestionContent(
        "backend-onboarding-zh",
        ZH,
        QuestionKind.CREATIVE,
        "下个月有一位新工程师加入团队。现在在本地把项目跑起来要两天，新人需要知道的很多东西只"
        "存在于大家的脑子里。您会怎么改变这种状况，又怎样知道改变起了作用？",
        (OWNERSHIP, QUALITY),
        anchor_low="打算到时候坐在新人旁边边做边讲，什么都不写下来。",
        anchor_mid="写了一份环境搭建文档和一份联系人清单，但没有验证过，也没有人维护。",
        anchor_high="把环境搭建自动化（一条命令、容器或在 CI 里验证过的脚本），把关键决策和操作"
        "说明写在代码旁边，请新人把看不懂的地方直接改好，并统计新人第一次合并代码所用的时间。",
    ),
    QuestionContent(
        "backend-review-feedback-zh",
        ZH,
        QuestionKind.BEHAVIOURAL,
        "请讲一条别人对您代码的反馈，它改变了您的工作方式。那条反馈是什么，您现在有什么不同的"
        "做法？",
        (OWNERSHIP, QUALITY),
        anchor_low="想不起来，或者只讲了一些自己不认同的代码风格意见。",
        anchor_mid="说出了一条具体的反馈和自己做的改变，但没有说明它为什么重要。",
        anchor_high="讲清那条反馈、它为什么是对的（或部分是对的）、自己从此养成的习惯，以及现在"
        "评审别人代码时怎样把这条经验传下去。",
    ),
)
