//! The demo's bilingual clinical corpus: needs, solutions, judges' expertise and engineering teams
//! per clinical field. Plain data; `demo::generate` combines it deterministically.

/// A text in both languages.
#[derive(Debug, Clone, Copy)]
pub struct Bi {
    pub en: &'static str,
    pub zh: &'static str,
}

/// Shorthand used by the tables below.
pub const fn bi(en: &'static str, zh: &'static str) -> Bi {
    Bi { en, zh }
}

pub struct FieldCorpus {
    /// A field code of the seeded taxonomy (see the list in the task).
    pub field: &'static str,
    pub needs: &'static [NeedSeed],
    pub experts: &'static [ExpertSeed],
    pub teams: &'static [TeamSeed],
}

/// A clinical need: "a way to <problem> in <population> that <outcome>".
pub struct NeedSeed {
    pub problem: Bi,
    pub population: Bi,
    pub outcome: Bi,
    pub current_practice: Bi,
    pub keywords: &'static [Bi],
    pub solutions: &'static [SolutionSeed],
}

pub struct SolutionSeed {
    pub title: Bi,
    pub solution: Bi,
    pub evidence: Bi,
    /// one of "idea", "concept", "prototype", "clinical_data"
    pub stage: &'static str,
    pub keywords: &'static [Bi],
}

/// A judge's expertise: specialty, a short bio and past work (projects, publications).
pub struct ExpertSeed {
    pub specialty: Bi,
    pub bio: Bi,
    pub past_work: &'static [Bi],
}

/// An engineering team of the company.
pub struct TeamSeed {
    pub name: Bi,
    pub capabilities: Bi,
    pub technologies: &'static [Bi],
}

pub static CORPUS: &[FieldCorpus] = &[
    REHABILITATION,
    CARDIOVASCULAR,
    ONCOLOGY,
    RESPIRATORY,
    UROLOGY,
    ROBOTICS,
    ORTHOPAEDICS,
    NEUROLOGY,
];

// ---- per-field tables (helper consts) ----

const REHABILITATION: FieldCorpus = FieldCorpus {
    field: "rehabilitation",
    needs: &[
        NeedSeed {
            problem: bi("quantify spasticity objectively at the bedside", "在床旁客观量化肢体痉挛程度"),
            population: bi("stroke survivors in early rehabilitation", "脑卒中早期康复患者"),
            outcome: bi("guides botulinum toxin dosing and lets therapists track small weekly changes", "为肉毒毒素注射剂量和康复方案调整提供依据，并能反映每周的细微变化"),
            current_practice: bi(
                "Therapists grade spasticity by hand feel on the Modified Ashworth Scale. Inter-rater agreement is poor and the grades are too coarse to show whether a treatment is working.",
                "目前主要由治疗师徒手评定改良Ashworth分级，主观性强，不同评定者之间一致性差；分级粗，难以判断治疗是否真正起效。"
            ),
            keywords: &[bi("spasticity", "痉挛"), bi("stroke", "脑卒中"), bi("Modified Ashworth Scale", "改良Ashworth量表"), bi("objective assessment", "客观评估")],
            solutions: &[
                SolutionSeed {
                    title: bi("Handheld velocity-resolved spasticity meter", "手持式速度分级痉挛测量仪"),
                    solution: bi(
                        "A handheld device strapped to the forearm combines a load cell and an inertial sensor. The therapist moves the elbow at slow and fast speeds and the device computes the velocity-dependent resistance and the catch angle. Unlike a plain dynamometer it separates the neural component from passive stiffness.",
                        "设备绑扎于前臂，集成测力传感器和惯性传感器。治疗师分别以慢速和快速被动活动肘关节，设备自动计算速度依赖性阻力和卡住角。与普通测力计不同，它能把神经反射成分与软组织被动僵硬区分开来。"
                    ),
                    evidence: bi(
                        "A pilot on 18 inpatients at our department showed good test-retest agreement and a clear correlation with therapist MAS grades.",
                        "在本科室18例住院患者中预试验，重测一致性良好，与治疗师的MAS评级明显相关。"
                    ),
                    stage: "prototype",
                    keywords: &[bi("load cell", "测力传感器"), bi("inertial sensor", "惯性传感器"), bi("catch angle", "卡住角"), bi("elbow flexors", "屈肘肌群")],
                },
                SolutionSeed {
                    title: bi("sEMG stretch-reflex threshold sleeve", "表面肌电牵张反射阈值测量袖套"),
                    solution: bi(
                        "A textile sleeve with dry surface EMG electrodes over biceps and triceps records muscle activity during passive stretch. Software detects the onset of reflex activity and reports the tonic stretch reflex threshold angle. The threshold is a continuous measure that can be trended over the whole stay.",
                        "织物袖套内置肱二头肌、肱三头肌干电极，在被动牵伸过程中同步记录表面肌电。软件识别反射性肌电起始点，输出紧张性牵张反射阈值角。该阈值为连续变量，可在整个住院期间动态追踪。"
                    ),
                    evidence: bi("Literature only; the threshold concept is established in research labs but has no bedside tool.", "目前仅有文献依据；该阈值概念在实验室研究中已较成熟，但缺少床旁可用工具。"),
                    stage: "concept",
                    keywords: &[bi("surface EMG", "表面肌电"), bi("stretch reflex threshold", "牵张反射阈值"), bi("dry electrodes", "干电极"), bi("textile sensor", "织物传感器")],
                },
                SolutionSeed {
                    title: bi("Motorized wrist stretch rig with torque logging", "电动腕关节牵伸评估装置"),
                    solution: bi(
                        "A tabletop rig holds the hand and drives the wrist through a fixed arc at preset speeds while logging joint torque. The standardized movement removes the examiner's hand from the measurement. The same rig can deliver a prolonged stretch as a treatment session.",
                        "桌面式装置固定手部，由电机以预设速度驱动腕关节完成固定弧度的屈伸，同时记录关节力矩。标准化的运动去除了检查者手法的影响。同一装置还可用于持续牵伸治疗。"
                    ),
                    evidence: bi("A bench test on a mechanical wrist phantom with springs of known stiffness; torque error under 5%.", "在已知刚度弹簧的机械腕关节模型上完成台架测试，力矩误差小于5%。"),
                    stage: "prototype",
                    keywords: &[bi("motorized stretch", "电动牵伸"), bi("joint torque", "关节力矩"), bi("wrist", "腕关节"), bi("standardized assessment", "标准化评估")],
                },
            ],
        },
        NeedSeed {
            problem: bi("continue upper-limb training at home with measurable adherence", "在家中持续进行上肢康复训练并可量化依从性"),
            population: bi("hemiplegic patients discharged after stroke", "出院后的脑卒中偏瘫患者"),
            outcome: bi("sustains functional gains and lets therapists adjust the program remotely", "巩固住院期间的功能改善，并使治疗师能够远程调整训练方案"),
            current_practice: bi(
                "Patients go home with a printed exercise sheet and a follow-up visit weeks later. Nobody knows how much they actually train, and many stop within a month.",
                "患者出院时只带一张纸质训练方案，数周后才门诊复查。实际训练量无从得知，不少患者一个月内便中断训练。"
            ),
            keywords: &[bi("home rehabilitation", "居家康复"), bi("upper limb", "上肢"), bi("adherence", "依从性"), bi("tele-rehabilitation", "远程康复")],
            solutions: &[
                SolutionSeed {
                    title: bi("Tabletop game-based arm trainer", "桌面游戏化上肢训练器"),
                    solution: bi(
                        "A low-cost tabletop device with a sliding handle and force sensors turns reaching and grasping into simple games on a tablet. Difficulty adapts to each session's performance. Session data upload to the therapist's dashboard.",
                        "低成本桌面设备带滑动手柄和握力传感器，将够物、抓握动作转化为平板电脑上的简单游戏。难度根据每次训练表现自动调整，训练数据上传至治疗师端管理平台。"
                    ),
                    evidence: bi("A four-week home trial with 12 patients: median 5 sessions per week, all completed without technical support visits.", "12例患者居家试用4周，每周训练次数中位数为5次，均无需上门技术支持。"),
                    stage: "clinical_data",
                    keywords: &[bi("serious games", "游戏化训练"), bi("force sensor", "力传感器"), bi("adaptive difficulty", "自适应难度"), bi("reaching", "够物训练")],
                },
                SolutionSeed {
                    title: bi("Wrist-worn activity tracker for the affected arm", "患侧腕戴式上肢活动监测"),
                    solution: bi(
                        "A pair of wrist-worn inertial sensors measures how much the affected arm is used relative to the sound arm in daily life, not only during exercise. An app converts this into a use ratio and sends reminders. Therapists see real-world use, which is the actual goal of therapy.",
                        "双侧腕部佩戴惯性传感器，记录日常生活中患侧上肢相对健侧的使用量，而不仅是训练时段。手机应用换算为患健侧使用比并推送提醒。治疗师可以看到真实生活中的上肢使用情况，这正是康复的最终目标。"
                    ),
                    evidence: bi("Literature only; accelerometry of arm use is validated in research, not yet in a clinical product.", "目前仅有文献依据；加速度计评估上肢使用量在研究中已有验证，尚无临床产品。"),
                    stage: "idea",
                    keywords: &[bi("accelerometry", "加速度计"), bi("arm use ratio", "患健侧使用比"), bi("wearable", "可穿戴"), bi("real-world activity", "真实生活活动")],
                },
                SolutionSeed {
                    title: bi("Soft pneumatic hand glove with mirror mode", "镜像模式气动软体康复手套"),
                    solution: bi(
                        "A soft pneumatic glove drives finger flexion and extension on the affected hand. In mirror mode, a sensor glove on the sound hand controls it so the patient performs bilateral tasks. Pressure logs record each session automatically.",
                        "气动软体手套驱动患手手指屈伸。镜像模式下，健手佩戴的传感手套实时控制患手动作，实现双侧协同任务训练。气压记录自动保存每次训练数据。"
                    ),
                    evidence: bi("Bench durability testing to 50,000 cycles and usability feedback from 8 patients in our ward.", "完成5万次循环耐久测试，并在本病区8例患者中收集了使用反馈。"),
                    stage: "prototype",
                    keywords: &[bi("soft robotics", "软体机器人"), bi("mirror therapy", "镜像疗法"), bi("hand function", "手功能"), bi("pneumatic actuator", "气动驱动")],
                },
            ],
        },
        NeedSeed {
            problem: bi("prevent shoulder subluxation and hemiplegic shoulder pain", "预防肩关节半脱位和偏瘫肩痛"),
            population: bi("stroke patients in the flaccid stage", "软瘫期脑卒中患者"),
            outcome: bi("reduces pain and keeps patients able to take part in therapy", "减轻疼痛，保证患者能够持续参与康复训练"),
            current_practice: bi(
                "Wards use arm slings or kinesiology tape. Slings hold the arm in a flexion pattern and are worn inconsistently, and taping depends on who applies it.",
                "病房多使用肩吊带或肌内效贴。吊带使上肢长时间处于屈曲模式，佩戴也不规范；贴扎效果很依赖操作者经验。"
            ),
            keywords: &[bi("shoulder subluxation", "肩关节半脱位"), bi("hemiplegic shoulder pain", "偏瘫肩痛"), bi("flaccid paralysis", "软瘫"), bi("stroke", "脑卒中")],
            solutions: &[
                SolutionSeed {
                    title: bi("Scheduled wearable FES for supraspinatus and deltoid", "冈上肌及三角肌定时功能性电刺激贴"),
                    solution: bi(
                        "A thin wearable stimulator with pre-placed electrodes over supraspinatus and posterior deltoid delivers functional electrical stimulation on a programmed schedule. Nurses only need to attach it once a day. Impedance checks warn when an electrode loses contact.",
                        "薄型可穿戴刺激器，电极预定位于冈上肌和三角肌后束，按预设时间表进行功能性电刺激。护士每天只需贴敷一次，阻抗监测可在电极脱落时报警。"
                    ),
                    evidence: bi("A retrospective review of 64 cases at our department found lower subluxation rates with manual FES; the wearable version is a prototype.", "回顾本科室64例病例，手动电刺激组半脱位发生率较低；可穿戴版本目前为样机。"),
                    stage: "prototype",
                    keywords: &[bi("functional electrical stimulation", "功能性电刺激"), bi("supraspinatus", "冈上肌"), bi("wearable stimulator", "可穿戴刺激器"), bi("electrode impedance", "电极阻抗")],
                },
                SolutionSeed {
                    title: bi("Dynamic humeral-head support orthosis", "动态肱骨头支撑矫形器"),
                    solution: bi(
                        "A lightweight orthosis supports the humeral head from below through an adjustable cuff while leaving the elbow and hand free. Unlike a sling it allows reaching exercises while worn. Support force is adjustable as muscle tone returns.",
                        "轻质矫形器通过可调托带从下方托举肱骨头，肘关节和手部保持自由。与吊带不同，佩戴时仍可进行够物训练。随着肌张力恢复，支撑力可逐步下调。"
                    ),
                    evidence: bi("Literature only, plus fitting trials on 5 volunteers.", "仅有文献依据，并在5名志愿者身上进行了试穿。"),
                    stage: "concept",
                    keywords: &[bi("shoulder orthosis", "肩矫形器"), bi("humeral head", "肱骨头"), bi("adjustable support", "可调支撑")],
                },
                SolutionSeed {
                    title: bi("Point-of-care ultrasound subluxation tracker", "床旁超声半脱位监测软件"),
                    solution: bi(
                        "Software for a portable ultrasound probe guides the therapist to a standard view and measures the acromion-greater tuberosity distance automatically. Weekly measurements trigger an alert when the gap widens. Early detection lets the team intensify positioning and stimulation.",
                        "配合便携超声探头的软件引导治疗师获取标准切面，自动测量肩峰-大结节距离。每周测量一次，间隙增大时自动提示，便于团队及早加强体位管理和电刺激。"
                    ),
                    evidence: bi("Measurement agreement tested on 30 stored images against manual measurement by two sonographers.", "在30幅存档图像上与两名超声医师手工测量结果进行了一致性比较。"),
                    stage: "prototype",
                    keywords: &[bi("point-of-care ultrasound", "床旁超声"), bi("acromiohumeral distance", "肩峰肱骨距离"), bi("automatic measurement", "自动测量"), bi("early warning", "早期预警")],
                },
            ],
        },
        NeedSeed {
            problem: bi("screen swallowing dysfunction early and train swallowing safely", "早期筛查吞咽障碍并安全开展吞咽训练"),
            population: bi("acute stroke patients on neurology wards", "神经内科病房的急性期脑卒中患者"),
            outcome: bi("reduces aspiration pneumonia and shortens tube feeding", "降低吸入性肺炎发生率，缩短鼻饲时间"),
            current_practice: bi(
                "Nurses use a water swallow test at admission. Silent aspiration is missed, and videofluoroscopy or endoscopic evaluation is rarely available in time.",
                "入院时由护士进行洼田饮水试验，隐性误吸容易漏诊；吞咽造影或内镜吞咽检查往往难以及时安排。"
            ),
            keywords: &[bi("dysphagia", "吞咽障碍"), bi("aspiration", "误吸"), bi("stroke", "脑卒中"), bi("swallowing screening", "吞咽筛查")],
            solutions: &[
                SolutionSeed {
                    title: bi("Neck-worn acoustic and accelerometric swallow screener", "颈部声学-加速度吞咽筛查贴"),
                    solution: bi(
                        "A small patch on the anterior neck records swallowing sounds and laryngeal movement during a graded bolus test. A classifier flags swallows likely to involve penetration or aspiration. It gives nurses an objective result within ten minutes.",
                        "贴于颈前部的小型贴片在分级容积吞咽测试中同步采集吞咽音和喉部运动信号，分类算法识别可能存在渗漏或误吸的吞咽。护士可在十分钟内获得客观筛查结果。"
                    ),
                    evidence: bi("Signals recorded from 40 patients alongside videofluoroscopy at our hospital; the classifier is still being trained.", "已在本院40例患者中同步采集信号与吞咽造影结果，分类模型仍在训练中。"),
                    stage: "prototype",
                    keywords: &[bi("cervical auscultation", "颈部听诊"), bi("accelerometer", "加速度计"), bi("machine learning", "机器学习"), bi("silent aspiration", "隐性误吸")],
                },
                SolutionSeed {
                    title: bi("sEMG-triggered NMES swallowing trainer", "肌电触发式吞咽神经肌肉电刺激训练仪"),
                    solution: bi(
                        "Submental surface EMG detects the patient's own swallow attempt and triggers neuromuscular electrical stimulation to reinforce it. A screen shows the EMG curve as biofeedback. Triggering on volition is meant to strengthen motor relearning compared with fixed-rhythm stimulation.",
                        "颏下表面肌电检测患者主动吞咽意图，并触发神经肌肉电刺激予以强化，屏幕实时显示肌电曲线作为生物反馈。与固定节律刺激相比，主动意图触发更有利于运动再学习。"
                    ),
                    evidence: bi("Used in 22 patients at our department over six months; no adverse events, functional oral intake scores improved.", "本科室半年内应用22例，无不良事件，经口进食功能评分有所提高。"),
                    stage: "clinical_data",
                    keywords: &[bi("neuromuscular electrical stimulation", "神经肌肉电刺激"), bi("biofeedback", "生物反馈"), bi("submental EMG", "颏下肌电"), bi("motor relearning", "运动再学习")],
                },
                SolutionSeed {
                    title: bi("Bedside thickened-liquid dispenser", "床旁增稠液体定量配制器"),
                    solution: bi(
                        "A dispenser mixes thickener and water to one of the standard viscosity levels at the press of a button. It removes the guesswork of scooping powder on the ward. A built-in viscometer check confirms the level before serving.",
                        "按键即可将增稠剂与水配制成标准稠度等级之一，避免病房人工舀粉配比不准。内置黏度检测在送餐前确认稠度等级。"
                    ),
                    evidence: bi("Literature only; a survey of our wards found large variation in hand-mixed consistency.", "目前仅有文献依据；本院病房调查显示人工配制的稠度差异很大。"),
                    stage: "idea",
                    keywords: &[bi("thickened liquids", "增稠液体"), bi("viscosity", "黏度"), bi("diet texture", "食物性状"), bi("nursing workflow", "护理流程")],
                },
            ],
        },
        NeedSeed {
            problem: bi("start early mobilization safely", "安全地开展早期活动"),
            population: bi("mechanically ventilated ICU patients", "ICU机械通气患者"),
            outcome: bi("shortens ICU stay and reduces ICU-acquired weakness", "缩短ICU住院时间，减少ICU获得性衰弱"),
            current_practice: bi(
                "Mobilizing a ventilated patient takes three or four staff and careful line handling. Teams postpone it for fear of accidental extubation or hemodynamic instability.",
                "机械通气患者下床活动需要三四名医护配合，并小心处理各类管路。由于担心意外拔管或血流动力学波动，往往一拖再拖。"
            ),
            keywords: &[bi("early mobilization", "早期活动"), bi("ICU-acquired weakness", "ICU获得性衰弱"), bi("mechanical ventilation", "机械通气"), bi("critical care rehabilitation", "重症康复")],
            solutions: &[
                SolutionSeed {
                    title: bi("Bed-mounted cycle ergometer with vital-sign auto-stop", "床旁下肢踏车联动生命体征自动停机"),
                    solution: bi(
                        "A cycle ergometer clamps to the bed frame and supports passive, assisted and active pedaling. It reads heart rate, SpO2 and blood pressure from the bedside monitor and pauses automatically when preset limits are crossed. One nurse can run a session.",
                        "下肢踏车固定于床架，支持被动、助力和主动踏车模式。设备读取床旁监护仪的心率、血氧和血压数据，超过预设阈值自动暂停，一名护士即可完成训练。"
                    ),
                    evidence: bi("Integration tested with two monitor models in a simulated ICU; 10 patients used it in our ICU without safety events.", "已在模拟ICU中完成与两种监护仪的联调，并在本院ICU 10例患者中使用，未发生安全事件。"),
                    stage: "clinical_data",
                    keywords: &[bi("cycle ergometer", "踏车"), bi("monitor integration", "监护仪联动"), bi("safety thresholds", "安全阈值"), bi("passive exercise", "被动运动")],
                },
                SolutionSeed {
                    title: bi("Tilt-and-stand bed attachment with line organizer", "带管路整理架的起立床附件"),
                    solution: bi(
                        "An attachment converts a standard ICU bed into a tilt-to-standing frame with a footplate and knee blocks. A line organizer keeps the endotracheal tube, drains and central lines secured during tilting. It removes the need for transfer to a separate tilt table.",
                        "附件可将普通ICU床改为带踏板和膝挡的倾斜站立架，管路整理架在倾斜过程中固定气管插管、引流管和中心静脉导管，无需转移到独立的起立床。"
                    ),
                    evidence: bi("Mechanical design reviewed with ICU nurses; no patient use yet.", "机械设计已与ICU护士讨论评审，尚未用于患者。"),
                    stage: "concept",
                    keywords: &[bi("tilt table", "起立床"), bi("line management", "管路管理"), bi("verticalization", "直立训练")],
                },
                SolutionSeed {
                    title: bi("Quadriceps NMES with ICU-grade electrodes", "ICU专用股四头肌神经肌肉电刺激"),
                    solution: bi(
                        "A stimulation system designed for edematous, sedated patients uses large hydrogel electrodes and adjusts intensity by measuring visible contraction with a thigh accelerometer. It maintains muscle mass before the patient can cooperate with active exercise.",
                        "针对水肿、镇静患者设计的电刺激系统，采用大面积水凝胶电极，并通过大腿加速度计检测可见收缩自动调节强度，在患者能够配合主动训练之前维持肌量。"
                    ),
                    evidence: bi("Literature only; reported effects on muscle thickness are mixed, so a thickness-guided protocol is proposed.", "目前仅有文献依据；文献报道对肌肉厚度的影响不一，因此拟采用超声肌厚指导的方案。"),
                    stage: "idea",
                    keywords: &[bi("NMES", "神经肌肉电刺激"), bi("quadriceps", "股四头肌"), bi("muscle atrophy", "肌萎缩"), bi("sedated patients", "镇静患者")],
                },
            ],
        },
        NeedSeed {
            problem: bi("overcome freezing of gait and prevent falls", "缓解冻结步态并预防跌倒"),
            population: bi("people with Parkinson's disease living at home", "居家帕金森病患者"),
            outcome: bi("improves walking independence and reduces fall-related admissions", "提高独立行走能力，减少跌倒相关住院"),
            current_practice: bi(
                "Patients are taught visual and auditory cues such as floor lines or counting. Cues are not available everywhere and are forgotten at the moment of freezing.",
                "目前主要教患者使用地面标线、口令计数等视听提示。这些提示并非随处可用，冻结发作时患者往往想不起来使用。"
            ),
            keywords: &[bi("freezing of gait", "冻结步态"), bi("Parkinson's disease", "帕金森病"), bi("fall prevention", "跌倒预防"), bi("cueing", "提示策略")],
            solutions: &[
                SolutionSeed {
                    title: bi("Freezing-detecting insoles with vibration cue", "检测冻结的智能鞋垫振动提示"),
                    solution: bi(
                        "Pressure-sensing insoles detect the trembling-in-place pattern that precedes a freezing episode. A vibration motor under the foot then delivers a rhythmic cue. Only cueing when needed avoids habituation to constant cues.",
                        "压力传感鞋垫识别冻结发作前的原地颤步特征，随即由足底振动马达给出节律性提示。仅在需要时提示，避免持续提示导致的习惯化。"
                    ),
                    evidence: bi("Freezing detection tested on gait recordings from 15 patients in our movement disorders clinic.", "在本院运动障碍门诊15例患者的步态记录上测试了冻结识别算法。"),
                    stage: "prototype",
                    keywords: &[bi("plantar pressure", "足底压力"), bi("on-demand cueing", "按需提示"), bi("vibrotactile", "振动触觉"), bi("gait analysis", "步态分析")],
                },
                SolutionSeed {
                    title: bi("Laser-line cueing walker", "激光标线助行器"),
                    solution: bi(
                        "A rollator projects a transverse laser line in front of the patient, activated by a handle switch. The line moves with the walker, so the cue is available on any floor. It is purely mechanical and electrical, with no app needed.",
                        "助行器在患者前方投射横向激光线，由把手开关控制。标线随助行器移动，任何地面均可使用。结构简单，无需手机应用。"
                    ),
                    evidence: bi("Trial in the ward corridor with 6 patients showed fewer freezing episodes over a 10-meter walk.", "在病房走廊对6例患者试用，10米步行中冻结次数减少。"),
                    stage: "prototype",
                    keywords: &[bi("laser cue", "激光提示"), bi("rollator", "助行器"), bi("visual cueing", "视觉提示")],
                },
                SolutionSeed {
                    title: bi("Smartphone rhythmic auditory cueing with fall log", "手机节律听觉提示及跌倒记录应用"),
                    solution: bi(
                        "An app plays a metronome matched to the patient's preferred cadence through earphones and adjusts tempo from the phone's accelerometer. It also logs near-falls and falls for the clinic. Medication timing is recorded to relate freezing to off periods.",
                        "应用通过耳机播放与患者习惯步频匹配的节拍，并根据手机加速度计调整节奏；同时记录跌倒和险些跌倒事件供门诊参考，并记录服药时间以分析冻结与“关期”的关系。"
                    ),
                    evidence: bi("Literature only.", "目前仅有文献依据。"),
                    stage: "idea",
                    keywords: &[bi("rhythmic auditory stimulation", "节律性听觉刺激"), bi("cadence", "步频"), bi("off period", "关期"), bi("fall diary", "跌倒日志")],
                },
            ],
        },
        NeedSeed {
            problem: bi("monitor knee range-of-motion recovery at home", "居家监测膝关节活动度恢复情况"),
            population: bi("patients after total knee arthroplasty", "全膝关节置换术后患者"),
            outcome: bi("catches stiffness early and avoids manipulation under anesthesia", "及早发现关节僵硬，避免麻醉下手法松解"),
            current_practice: bi(
                "Range of motion is measured with a goniometer at outpatient visits every two to four weeks. Stiffness is often found too late for exercise alone to fix it.",
                "目前每2至4周门诊复查时用量角器测量关节活动度，发现僵硬时往往已错过单靠功能锻炼即可纠正的时机。"
            ),
            keywords: &[bi("total knee arthroplasty", "全膝关节置换"), bi("range of motion", "关节活动度"), bi("arthrofibrosis", "关节纤维化"), bi("home monitoring", "居家监测")],
            solutions: &[
                SolutionSeed {
                    title: bi("Knee sleeve goniometer", "膝关节护套式角度计"),
                    solution: bi(
                        "A compression sleeve with two inertial sensors above and below the knee records flexion angles through the day. The app shows the maximum flexion achieved each day and warns the surgeon's team when progress stalls.",
                        "弹力护套在膝关节上下各置一枚惯性传感器，全天记录屈曲角度。应用显示每日最大屈曲角度，进展停滞时提示手术团队。"
                    ),
                    evidence: bi("Compared with goniometer readings in 25 patients at our orthopaedic rehabilitation clinic; mean difference about 3 degrees.", "在本院骨科康复门诊25例患者中与量角器比较，平均差约3度。"),
                    stage: "clinical_data",
                    keywords: &[bi("wearable goniometer", "可穿戴角度计"), bi("inertial measurement unit", "惯性测量单元"), bi("knee flexion", "膝关节屈曲"), bi("remote follow-up", "远程随访")],
                },
                SolutionSeed {
                    title: bi("Home CPM with adaptive progression", "自适应进阶的居家CPM"),
                    solution: bi(
                        "A compact continuous passive motion device increases the arc gradually based on the resistance it senses at end range. Pain ratings entered on the remote control slow the progression. Usage data are transmitted for review.",
                        "小型持续被动活动器根据末端阻力逐步增大活动弧度，患者通过遥控器输入疼痛评分可减缓进阶速度，使用数据可远程传输查看。"
                    ),
                    evidence: bi("Literature only; adaptive control logic tested on a bench rig.", "目前仅有文献依据，自适应控制逻辑已在台架上验证。"),
                    stage: "concept",
                    keywords: &[bi("continuous passive motion", "持续被动活动"), bi("end-range resistance", "末端阻力"), bi("pain feedback", "疼痛反馈")],
                },
                SolutionSeed {
                    title: bi("Phone-camera range-of-motion measurement", "手机摄像头关节活动度测量"),
                    solution: bi(
                        "The patient films the knee from the side with a phone held on a simple stand. Pose estimation software computes flexion and extension angles and sends them to the clinic. No hardware besides the phone is needed.",
                        "患者将手机放在简易支架上从侧面拍摄膝关节，姿态估计软件计算屈伸角度并发送至门诊，除手机外无需其他硬件。"
                    ),
                    evidence: bi("Tested on videos of 20 volunteers against a goniometer.", "在20名志愿者视频上与量角器进行了对比测试。"),
                    stage: "prototype",
                    keywords: &[bi("pose estimation", "姿态估计"), bi("computer vision", "计算机视觉"), bi("smartphone", "智能手机"), bi("telemedicine", "远程医疗")],
                },
            ],
        },
    ],
    experts: &[
        ExpertSeed {
            specialty: bi("stroke neurorehabilitation", "脑卒中神经康复"),
            bio: bi(
                "Director of the Department of Rehabilitation Medicine at a provincial tertiary hospital, with 22 years in stroke rehabilitation. Her work focuses on upper-limb motor recovery, spasticity management and robot-assisted training.",
                "省级三甲医院康复医学科主任，从事脑卒中康复22年。主要研究方向为上肢运动功能恢复、痉挛管理及机器人辅助训练。"
            ),
            past_work: &[
                bi("Multicentre study of robot-assisted upper-limb training after stroke, 6 hospitals", "脑卒中后机器人辅助上肢训练多中心研究，6家医院参与"),
                bi("Ultrasound-guided botulinum toxin injection for post-stroke spasticity, department protocol", "超声引导下肉毒毒素注射治疗卒中后痉挛，科室诊疗规范"),
                bi("Expert consensus on hemiplegic shoulder pain management, co-author", "偏瘫肩痛管理专家共识，参与执笔"),
                bi("Home-based tele-rehabilitation program for discharged stroke patients", "出院脑卒中患者居家远程康复项目"),
            ],
        },
        ExpertSeed {
            specialty: bi("dysphagia and speech rehabilitation", "吞咽及言语康复"),
            bio: bi(
                "Chief therapist and associate professor heading the dysphagia unit of a university hospital, 15 years of clinical experience. She specializes in instrumental swallowing assessment and electrical stimulation therapy.",
                "大学附属医院吞咽障碍诊治中心负责人，主任治疗师、副教授，临床工作15年。擅长仪器化吞咽评估及电刺激治疗。"
            ),
            past_work: &[
                bi("Videofluoroscopic swallowing study standardization across neurology wards", "神经内科病房吞咽造影检查标准化"),
                bi("sEMG biofeedback for swallowing training after stroke, randomized pilot", "表面肌电生物反馈吞咽训练的随机对照预试验"),
                bi("Nurse-led dysphagia screening pathway reducing aspiration pneumonia", "护士主导的吞咽筛查路径降低吸入性肺炎"),
            ],
        },
        ExpertSeed {
            specialty: bi("critical care and cardiopulmonary rehabilitation", "重症及心肺康复"),
            bio: bi(
                "Professor of rehabilitation medicine who built the ICU early-mobilization service of a large teaching hospital over 12 years. His interests are ICU-acquired weakness, ventilator weaning and exercise safety monitoring.",
                "康复医学教授，12年间在大型教学医院建立了ICU早期活动服务。研究兴趣包括ICU获得性衰弱、呼吸机撤离及运动安全监测。"
            ),
            past_work: &[
                bi("Early mobilization protocol for mechanically ventilated patients, 400-patient cohort", "机械通气患者早期活动方案，400例队列研究"),
                bi("Bedside cycle ergometry safety criteria in the ICU", "ICU床旁踏车训练安全标准"),
                bi("Ultrasound quadriceps thickness as a marker of ICU-acquired weakness", "超声股四头肌厚度作为ICU获得性衰弱指标"),
                bi("Inspiratory muscle training during weaning, departmental trial", "撤机期间吸气肌训练的科室研究"),
            ],
        },
        ExpertSeed {
            specialty: bi("musculoskeletal and post-surgical rehabilitation", "骨科及术后康复"),
            bio: bi(
                "Deputy director of orthopaedic rehabilitation at a municipal hospital with 18 years of practice. He focuses on joint replacement rehabilitation, gait analysis and fall prevention in older adults.",
                "市级医院骨科康复副主任，临床工作18年。专注于关节置换术后康复、步态分析及老年人跌倒预防。"
            ),
            past_work: &[
                bi("Enhanced recovery rehabilitation pathway after total knee arthroplasty", "全膝关节置换术后加速康复路径"),
                bi("Wearable sensor gait analysis in Parkinson's disease, clinic study", "帕金森病可穿戴传感器步态分析门诊研究"),
                bi("Risk factors for arthrofibrosis after knee replacement, retrospective review", "膝关节置换术后关节纤维化危险因素回顾性分析"),
            ],
        },
        ExpertSeed {
            specialty: bi("rehabilitation engineering", "康复工程"),
            bio: bi(
                "Senior R&D engineer at the company leading the rehabilitation devices platform, with 14 years in wearable and robotic product development. His focus is actuator design, EMG signal processing and usability for home use.",
                "公司康复器械平台高级研发工程师，从事可穿戴及机器人产品开发14年。专注于驱动器设计、肌电信号处理和居家使用的易用性。"
            ),
            past_work: &[
                bi("Lower-limb exoskeleton with series elastic actuators, product launch", "串联弹性驱动下肢外骨骼，已上市"),
                bi("Dry-electrode EMG acquisition module for rehabilitation devices", "康复设备用干电极肌电采集模块"),
                bi("Soft pneumatic hand rehabilitation glove, design patents", "气动软体手康复手套，外观及结构专利"),
                bi("Usability testing framework for home medical devices", "居家医疗器械可用性测试框架"),
            ],
        },
    ],
    teams: &[
        TeamSeed {
            name: bi("Rehabilitation Robotics and Wearables Team", "康复机器人与可穿戴团队"),
            capabilities: bi(
                "Designs and builds exoskeletons, soft robotic gloves and wearable sensing systems from concept to registration. The team runs its own mechanical workshop and a usability lab with patient panels.",
                "从概念到注册，负责外骨骼、软体康复手套及可穿戴传感系统的设计与开发。团队拥有自己的机加工车间和配备患者评估组的可用性实验室。"
            ),
            technologies: &[
                bi("series elastic actuators", "串联弹性驱动器"),
                bi("soft pneumatic actuators", "气动软体驱动器"),
                bi("inertial motion capture", "惯性动作捕捉"),
                bi("textile-integrated sensors", "织物集成传感器"),
                bi("embedded motor control", "嵌入式电机控制"),
            ],
        },
        TeamSeed {
            name: bi("Neuromuscular Stimulation Team", "神经肌肉电刺激团队"),
            capabilities: bi(
                "Develops electrical stimulation devices for functional, swallowing and muscle-preservation therapy. The team covers stimulator electronics, electrode materials and closed-loop control with EMG.",
                "开发用于功能性电刺激、吞咽治疗和肌肉保护的电刺激设备，覆盖刺激器电路、电极材料以及基于肌电的闭环控制。"
            ),
            technologies: &[
                bi("constant-current stimulator design", "恒流刺激器设计"),
                bi("hydrogel electrode formulation", "水凝胶电极配方"),
                bi("surface EMG acquisition", "表面肌电采集"),
                bi("EMG-triggered closed-loop stimulation", "肌电触发闭环刺激"),
                bi("IEC 60601 electrical safety testing", "IEC 60601电气安全测试"),
            ],
        },
        TeamSeed {
            name: bi("Digital Rehabilitation Software Team", "数字康复软件团队"),
            capabilities: bi(
                "Builds tele-rehabilitation apps, therapist dashboards and vision-based assessment software. The team has experience with medical software registration and hospital system integration.",
                "开发远程康复应用、治疗师管理平台和基于视觉的评估软件，具备医疗器械软件注册和医院信息系统对接经验。"
            ),
            technologies: &[
                bi("human pose estimation", "人体姿态估计"),
                bi("adaptive serious games", "自适应游戏化训练"),
                bi("cloud data platform", "云端数据平台"),
                bi("mobile app development", "移动应用开发"),
                bi("signal classification models", "信号分类模型"),
            ],
        },
    ],
};

const CARDIOVASCULAR: FieldCorpus = FieldCorpus {
    field: "cardiovascular",
    needs: &[
        NeedSeed {
            problem: bi("detect paroxysmal atrial fibrillation", "检出阵发性心房颤动"),
            population: bi("patients after cryptogenic ischemic stroke or TIA", "隐源性缺血性卒中或TIA患者"),
            outcome: bi("identifies AF early enough to start anticoagulation and prevent recurrence", "尽早发现房颤并启动抗凝，预防卒中复发"),
            current_practice: bi(
                "Most patients get one 24-hour Holter before discharge. Paroxysmal episodes are easily missed, and implantable loop recorders are costly and rarely reimbursed.",
                "多数患者出院前只做一次24小时动态心电图，阵发性房颤很容易漏检；植入式心电事件记录器费用高，医保覆盖有限。"
            ),
            keywords: &[bi("atrial fibrillation", "心房颤动"), bi("cryptogenic stroke", "隐源性卒中"), bi("long-term ECG monitoring", "长程心电监测"), bi("anticoagulation", "抗凝")],
            solutions: &[
                SolutionSeed {
                    title: bi("14-day single-lead ECG patch", "14天单导联心电贴"),
                    solution: bi(
                        "A waterproof adhesive patch records a single-lead ECG continuously for up to 14 days. The patient returns it by mail and an algorithm screens the full recording for AF burden, with cardiologist over-read of flagged segments. It costs a fraction of an implantable recorder.",
                        "防水贴片式心电记录仪可连续记录单导联心电最长14天，患者邮寄返还后由算法分析全程房颤负荷，可疑片段由心内科医师复核。费用仅为植入式记录器的一小部分。"
                    ),
                    evidence: bi("Worn by 46 stroke-unit patients at our hospital; median wear time 12.5 days and AF newly detected in 5.", "本院卒中单元46例患者佩戴，中位佩戴时间12.5天，新检出房颤5例。"),
                    stage: "clinical_data",
                    keywords: &[bi("ECG patch", "心电贴"), bi("AF burden", "房颤负荷"), bi("ambulatory monitoring", "动态监测"), bi("adhesive electrode", "粘贴电极")],
                },
                SolutionSeed {
                    title: bi("Wristband PPG screening with ECG confirmation", "腕带PPG筛查加心电确认"),
                    solution: bi(
                        "A wristband checks pulse regularity by photoplethysmography every few minutes for three months. When irregular rhythm is suspected, the patient is prompted to record a 30-second ECG with a finger on the band's electrode. Long duration compensates for lower per-minute sensitivity.",
                        "腕带利用光电容积脉搏波每隔数分钟检测脉律是否规整，持续监测3个月。怀疑节律不齐时，提示患者用手指触碰腕带电极记录30秒心电图确认。监测时间长，弥补了单次检测灵敏度较低的不足。"
                    ),
                    evidence: bi("Algorithm validated on 300 paired PPG-ECG recordings from our arrhythmia clinic.", "在本院心律失常门诊300段PPG与心电同步记录上验证了算法。"),
                    stage: "prototype",
                    keywords: &[bi("photoplethysmography", "光电容积脉搏波"), bi("wearable", "可穿戴"), bi("rhythm screening", "节律筛查"), bi("single-lead ECG", "单导联心电")],
                },
                SolutionSeed {
                    title: bi("AI risk score from the sinus-rhythm ECG", "基于窦性心律心电图的房颤风险AI评分"),
                    solution: bi(
                        "A deep-learning model reads the standard 12-lead ECG taken in sinus rhythm and estimates the probability of hidden paroxysmal AF. High-risk patients are routed to extended monitoring, low-risk ones spared it. This uses an ECG every stroke patient already has.",
                        "深度学习模型分析窦性心律下的常规12导联心电图，估计隐匿性阵发性房颤的概率。高风险患者转入长程监测，低风险者可免除。利用每位卒中患者都已做过的心电图，无需额外检查。"
                    ),
                    evidence: bi("A retrospective review of 2,100 ECGs from our database with later AF diagnoses; internal validation only.", "回顾性分析本院数据库中2100份心电图及后续房颤诊断，仅完成内部验证。"),
                    stage: "concept",
                    keywords: &[bi("deep learning", "深度学习"), bi("12-lead ECG", "12导联心电图"), bi("risk stratification", "风险分层"), bi("triage", "分诊")],
                },
            ],
        },
        NeedSeed {
            problem: bi("achieve hemostasis without occluding the radial artery", "在不闭塞桡动脉的前提下完成止血"),
            population: bi("patients after transradial coronary angiography or PCI", "经桡动脉冠脉造影或PCI术后患者"),
            outcome: bi("preserves the artery for future procedures and reduces nursing workload", "保留桡动脉以备再次介入，并减轻护理工作量"),
            current_practice: bi(
                "An inflatable compression band is deflated by nurses on a fixed schedule. Over-compression causes radial artery occlusion, under-compression causes bleeding and hematoma.",
                "术后使用充气式压迫止血带，由护士按固定时间表逐步放气。压迫过紧易致桡动脉闭塞，过松则出血、血肿。"
            ),
            keywords: &[bi("transradial access", "经桡动脉入路"), bi("radial artery occlusion", "桡动脉闭塞"), bi("hemostasis", "止血"), bi("PCI", "PCI")],
            solutions: &[
                SolutionSeed {
                    title: bi("Patency-guided automatic compression band", "通畅度引导的自动压迫止血带"),
                    solution: bi(
                        "The band contains a pressure sensor and a distal PPG sensor on the thumb. A small pump keeps the lowest pressure that stops bleeding while maintaining a pulse signal distal to the puncture, and deflates stepwise on its own. It implements patent hemostasis automatically.",
                        "止血带内置压力传感器，拇指端设光电传感器。微型气泵维持既能止血又保留穿刺点远端脉搏信号的最低压力，并自动分级放气，实现自动化的“通畅止血”。"
                    ),
                    evidence: bi("Bench test on an arm phantom with simulated pulsatile flow; first-in-human use in 12 patients planned.", "在带搏动血流的手臂模型上完成台架测试，计划首批12例人体应用。"),
                    stage: "prototype",
                    keywords: &[bi("patent hemostasis", "通畅止血"), bi("pressure sensor", "压力传感器"), bi("automatic deflation", "自动放气"), bi("PPG", "光电容积脉搏波")],
                },
                SolutionSeed {
                    title: bi("Chitosan hemostatic pad with short compression", "壳聚糖止血垫配合短时压迫"),
                    solution: bi(
                        "A chitosan-coated pad placed over the puncture accelerates local clotting so that compression can be reduced to under one hour at low pressure. Shorter, lighter compression lowers occlusion risk. It works with existing bands.",
                        "在穿刺点放置壳聚糖涂层止血垫，加速局部凝血，使低压压迫时间缩短至1小时以内。压迫时间短、压力低，可降低闭塞风险，并可与现有止血带配合使用。"
                    ),
                    evidence: bi("A retrospective review of 340 cases at our department comparing pad plus short compression with standard banding.", "回顾本科室340例病例，比较止血垫加短时压迫与常规止血带方案。"),
                    stage: "clinical_data",
                    keywords: &[bi("chitosan", "壳聚糖"), bi("hemostatic dressing", "止血敷料"), bi("compression time", "压迫时间")],
                },
                SolutionSeed {
                    title: bi("Distal radial access kit", "远端桡动脉穿刺套件"),
                    solution: bi(
                        "A kit with a short micropuncture needle, a thin-walled sheath and a hand-positioning splint supports access at the anatomical snuffbox. Puncturing distal to the superficial palmar branch preserves forearm radial flow even if the access site occludes.",
                        "套件包含短微穿刺针、薄壁鞘管和手部定位托板，用于鼻烟窝处穿刺。穿刺点位于掌浅支远端，即使穿刺点闭塞，前臂桡动脉血流仍可保留。"
                    ),
                    evidence: bi("Literature only; our department performs distal access with standard tools and sees a long learning curve.", "目前仅有文献依据；本科室使用常规器械开展远端穿刺，学习曲线较长。"),
                    stage: "idea",
                    keywords: &[bi("distal radial access", "远端桡动脉入路"), bi("snuffbox", "鼻烟窝"), bi("thin-walled sheath", "薄壁鞘管"), bi("micropuncture", "微穿刺")],
                },
            ],
        },
        NeedSeed {
            problem: bi("detect worsening heart failure before decompensation", "在失代偿发生前识别心衰加重"),
            population: bi("patients discharged after acute decompensated heart failure", "急性失代偿性心衰出院患者"),
            outcome: bi("reduces 30-day readmissions through earlier diuretic adjustment", "通过及早调整利尿剂减少30天再入院"),
            current_practice: bi(
                "Patients are asked to weigh themselves daily and report symptoms. Weight gain appears late, adherence is poor, and implantable pressure sensors are too expensive for most.",
                "要求患者每日称重并报告症状，但体重增加出现较晚，依从性差；植入式压力监测对大多数患者而言费用过高。"
            ),
            keywords: &[bi("heart failure", "心力衰竭"), bi("congestion", "容量负荷"), bi("readmission", "再入院"), bi("remote monitoring", "远程监测")],
            solutions: &[
                SolutionSeed {
                    title: bi("Bioimpedance scale for thoracic fluid", "测量胸腔液体的生物电阻抗体重秤"),
                    solution: bi(
                        "A bathroom scale with hand-grip electrodes measures segmental bioimpedance of the trunk along with weight. A falling thoracic impedance trend warns of fluid build-up days before weight rises. Readings sync automatically, so no diary is needed.",
                        "带手握电极的体重秤在称重同时测量躯干节段生物电阻抗。胸部阻抗持续下降可在体重增加前数天提示液体潴留。数据自动同步，无需手工记录。"
                    ),
                    evidence: bi("Measured in 30 inpatients during diuresis; impedance rose with net fluid loss.", "在30例住院利尿患者中测量，阻抗随液体净负平衡而上升。"),
                    stage: "prototype",
                    keywords: &[bi("bioimpedance", "生物电阻抗"), bi("fluid status", "容量状态"), bi("smart scale", "智能秤"), bi("trend alert", "趋势预警")],
                },
                SolutionSeed {
                    title: bi("Under-mattress sensor for night-time breathing and heart rate", "床垫下夜间呼吸心率监测传感器"),
                    solution: bi(
                        "A thin ballistocardiography sensor under the mattress records respiratory rate, heart rate and restlessness every night without anything to wear. Rising resting respiratory rate and orthopnea-related position changes are early congestion signals. Alerts go to the heart failure nurse.",
                        "置于床垫下的薄型心冲击图传感器每晚记录呼吸频率、心率和体动，患者无需佩戴任何设备。静息呼吸频率上升和因端坐呼吸导致的体位变化是早期淤血信号，预警发送给心衰专科护士。"
                    ),
                    evidence: bi("Literature only; a home pilot with 10 patients is being prepared.", "目前仅有文献依据，正在筹备10例患者的居家预试验。"),
                    stage: "concept",
                    keywords: &[bi("ballistocardiography", "心冲击图"), bi("respiratory rate", "呼吸频率"), bi("contactless monitoring", "非接触监测"), bi("sleep", "睡眠")],
                },
                SolutionSeed {
                    title: bi("Nurse-led titration dashboard", "护士主导的利尿剂调整管理平台"),
                    solution: bi(
                        "Software combines home weight, blood pressure, symptoms reported by app and recent lab results into a single risk list for the heart failure nurse. Protocol-based suggestions for diuretic adjustment are shown for physician approval. It organizes what is already collected rather than adding sensors.",
                        "软件整合居家体重、血压、应用上报的症状和近期化验结果，为心衰专科护士生成统一的风险名单，并按方案给出利尿剂调整建议供医生确认。重点在于整合已有数据，而非增加传感器。"
                    ),
                    evidence: bi("Used for 6 months in our heart failure clinic with 85 patients; readmission data being analyzed.", "在本院心衰门诊85例患者中使用6个月，再入院数据正在分析中。"),
                    stage: "clinical_data",
                    keywords: &[bi("disease management", "疾病管理"), bi("diuretic titration", "利尿剂调整"), bi("clinical decision support", "临床决策支持"), bi("heart failure nurse", "心衰专科护士")],
                },
            ],
        },
        NeedSeed {
            problem: bi("perform transseptal puncture accurately and safely", "准确、安全地完成房间隔穿刺"),
            population: bi("patients undergoing left atrial ablation or appendage occlusion", "接受左房消融或左心耳封堵的患者"),
            outcome: bi("reduces puncture complications and fluoroscopy time", "减少穿刺并发症并缩短透视时间"),
            current_practice: bi(
                "Operators rely on fluoroscopy and the tactile 'jump' of the needle, with echo guidance only in some centers. Aortic or posterior wall puncture remains a risk, especially for less experienced operators.",
                "术者主要依靠X线透视和穿刺针“跳跃感”判断位置，仅部分中心使用超声引导。误穿主动脉或心房后壁的风险仍然存在，低年资术者尤甚。"
            ),
            keywords: &[bi("transseptal puncture", "房间隔穿刺"), bi("fossa ovalis", "卵圆窝"), bi("catheter ablation", "导管消融"), bi("left atrial appendage occlusion", "左心耳封堵")],
            solutions: &[
                SolutionSeed {
                    title: bi("Impedance-sensing transseptal needle", "阻抗感知房间隔穿刺针"),
                    solution: bi(
                        "The needle tip carries an electrode that measures local impedance and pressure. Contact with the thin fossa ovalis gives a distinct signature compared with the thick muscular septum, and crossing into the left atrium is confirmed by a pressure change. The console shows a simple contact indicator.",
                        "穿刺针尖端集成电极，测量局部阻抗和压力。与较厚的肌性间隔相比，接触薄弱的卵圆窝时呈现特征性信号；进入左房后压力变化予以确认。主机显示简洁的贴靠指示。"
                    ),
                    evidence: bi("Tested in 6 porcine hearts ex vivo; the fossa signature was distinguishable in all.", "在6个离体猪心上测试，均可区分卵圆窝信号特征。"),
                    stage: "prototype",
                    keywords: &[bi("tissue impedance", "组织阻抗"), bi("needle tip sensor", "针尖传感器"), bi("pressure monitoring", "压力监测"), bi("tactile feedback", "触觉反馈")],
                },
                SolutionSeed {
                    title: bi("ICE-based target-site guidance software", "心腔内超声穿刺点引导软件"),
                    solution: bi(
                        "Software segments the fossa ovalis on intracardiac echo images and overlays the planned puncture site for ablation or appendage occlusion, whose ideal sites differ. It estimates the distance to the mitral annulus or the appendage ostium. This shortens the learning curve for site selection.",
                        "软件在心腔内超声图像上自动分割卵圆窝，并根据消融或左心耳封堵的不同要求叠加推荐穿刺点，同时估算至二尖瓣环或左心耳口的距离，缩短穿刺点选择的学习曲线。"
                    ),
                    evidence: bi("Segmentation trained on 150 recorded ICE clips from our lab; offline accuracy reported to the team.", "基于本中心150段心腔内超声录像训练分割模型，已完成离线准确性评估。"),
                    stage: "concept",
                    keywords: &[bi("intracardiac echocardiography", "心腔内超声"), bi("image segmentation", "图像分割"), bi("procedure planning", "术式规划"), bi("zero-fluoroscopy", "零射线")],
                },
                SolutionSeed {
                    title: bi("Steerable sheath with septal stabilizer", "带间隔稳定结构的可调弯鞘"),
                    solution: bi(
                        "A steerable sheath has a soft expandable tip that seats on the fossa ovalis and holds the needle perpendicular to it. Stable positioning reduces slipping along the septum during puncture. The same sheath then delivers the ablation catheter.",
                        "可调弯鞘管前端设软质可展开结构，贴靠卵圆窝并保持穿刺针垂直于间隔，穿刺时不易沿间隔滑动。穿刺完成后同一鞘管可直接输送消融导管。"
                    ),
                    evidence: bi("Literature only.", "目前仅有文献依据。"),
                    stage: "idea",
                    keywords: &[bi("steerable sheath", "可调弯鞘"), bi("catheter stability", "导管稳定性"), bi("mechanical design", "机械设计")],
                },
            ],
        },
        NeedSeed {
            problem: bi("prevent contrast-induced acute kidney injury", "预防对比剂急性肾损伤"),
            population: bi("patients with chronic kidney disease undergoing PCI", "合并慢性肾脏病的PCI患者"),
            outcome: bi("lowers AKI incidence without prolonging the procedure", "在不延长手术时间的前提下降低急性肾损伤发生率"),
            current_practice: bi(
                "Patients receive fixed-rate intravenous hydration and operators estimate contrast use by eye. Hydration is not matched to the patient's fluid status and contrast limits are often exceeded unnoticed.",
                "患者接受固定速率静脉水化，术者凭经验估计对比剂用量。水化量未根据容量状态个体化，对比剂常在不知不觉中超过安全上限。"
            ),
            keywords: &[bi("contrast-induced AKI", "对比剂急性肾损伤"), bi("chronic kidney disease", "慢性肾脏病"), bi("hydration", "水化"), bi("contrast volume", "对比剂用量")],
            solutions: &[
                SolutionSeed {
                    title: bi("Real-time contrast budget monitor", "实时对比剂用量预算监测"),
                    solution: bi(
                        "A flow sensor on the injector line counts contrast delivered and compares it with a limit calculated from eGFR and body weight. A display in the cath lab shows the remaining budget and sounds a warning at 80%. It gives the operator information normally available only after the case.",
                        "在注射管路上安装流量传感器，实时累计对比剂用量，并与根据eGFR和体重计算的上限比较。导管室屏幕显示剩余额度，达到80%时声音提示，使术者在术中即可掌握原本术后才知道的信息。"
                    ),
                    evidence: bi("Flow-sensor accuracy checked on the bench with three injector types.", "已在台架上对三种注射器型号验证流量传感器准确性。"),
                    stage: "prototype",
                    keywords: &[bi("flow sensor", "流量传感器"), bi("eGFR", "估算肾小球滤过率"), bi("cath lab display", "导管室显示"), bi("dose limit", "剂量上限")],
                },
                SolutionSeed {
                    title: bi("Urine-output-matched hydration system", "尿量匹配水化系统"),
                    solution: bi(
                        "A console measures urine output from the Foley catheter and infuses saline at a matching rate, after a small loading dose, with a low-dose diuretic. High urine flow shortens contrast transit through the tubules while matched replacement prevents volume depletion.",
                        "主机实时测量导尿管尿量并以相同速率输注生理盐水，先给予少量负荷量并配合小剂量利尿剂。高尿流量缩短对比剂在肾小管中的停留时间，等量补液又可避免容量不足。"
                    ),
                    evidence: bi("Used in 28 high-risk patients in our cath lab; no pulmonary edema observed.", "本院导管室28例高危患者使用，未观察到肺水肿。"),
                    stage: "clinical_data",
                    keywords: &[bi("matched hydration", "匹配水化"), bi("urine flow", "尿流量"), bi("furosemide", "呋塞米"), bi("volume management", "容量管理")],
                },
                SolutionSeed {
                    title: bi("Coronary sinus contrast aspiration catheter", "冠状静脉窦对比剂回收导管"),
                    solution: bi(
                        "A balloon-tipped catheter in the coronary sinus aspirates venous blood for a few seconds after each coronary injection, removing part of the contrast before it reaches the systemic circulation. Blood is filtered and returned. The idea targets the highest-risk patients with very low eGFR.",
                        "球囊导管置于冠状静脉窦，每次冠脉注射后短时抽吸静脉血，在对比剂进入体循环前回收一部分，血液经过滤后回输。主要面向eGFR极低的最高危患者。"
                    ),
                    evidence: bi("Literature only.", "目前仅有文献依据。"),
                    stage: "idea",
                    keywords: &[bi("coronary sinus", "冠状静脉窦"), bi("contrast removal", "对比剂清除"), bi("balloon catheter", "球囊导管")],
                },
            ],
        },
        NeedSeed {
            problem: bi("obtain reliable home blood pressure readings and act on them", "获取可靠的家庭血压数据并据此调整治疗"),
            population: bi("elderly hypertensive patients managed by community clinics", "社区管理的老年高血压患者"),
            outcome: bi("improves blood pressure control rates and cuts unnecessary visits", "提高血压控制率，减少不必要的就诊"),
            current_practice: bi(
                "Patients measure with upper-arm cuffs and write the numbers in a notebook. Cuff placement, posture and timing errors are common, and community doctors see the notebook only at monthly visits.",
                "患者用上臂式电子血压计自测并记在本子上，袖带位置、体位和测量时间错误很常见；社区医生每月随访时才看到记录。"
            ),
            keywords: &[bi("hypertension", "高血压"), bi("home blood pressure monitoring", "家庭血压监测"), bi("community care", "社区管理"), bi("elderly", "老年")],
            solutions: &[
                SolutionSeed {
                    title: bi("Connected cuff with placement and posture check", "带袖带位置与体位校验的联网血压计"),
                    solution: bi(
                        "A cellular-connected upper-arm monitor detects loose cuff wrapping from the pressure curve and uses a tilt sensor to check arm height. Readings failing the checks are flagged, and valid readings go directly to the community clinic. No smartphone is needed, which suits elderly users.",
                        "内置移动网络模块的上臂式血压计通过压力曲线识别袖带过松，并用倾角传感器检查上臂高度。不合格读数被标记，合格数据直接上传社区卫生服务中心，无需智能手机，适合老年人使用。"
                    ),
                    evidence: bi("Usability tested with 40 patients at two community clinics; 90% could use it without help after one demonstration.", "在两家社区卫生服务中心对40例患者进行可用性测试，90%在演示一次后可独立使用。"),
                    stage: "clinical_data",
                    keywords: &[bi("oscillometric measurement", "示波法测量"), bi("measurement quality", "测量质量"), bi("cellular connectivity", "移动网络连接"), bi("elderly users", "老年用户")],
                },
                SolutionSeed {
                    title: bi("Cuffless wrist blood pressure trend monitor", "无袖带腕式血压趋势监测"),
                    solution: bi(
                        "A wristband estimates blood pressure from pulse arrival time between an ECG electrode and a PPG sensor, calibrated weekly against a cuff. It captures nocturnal and morning blood pressure, which clinic and notebook readings miss. It is meant for trends, not single diagnostic values.",
                        "腕带通过心电电极与光电传感器之间的脉搏到达时间估算血压，每周用袖带血压计校准一次，可捕捉诊室和手工记录遗漏的夜间及晨峰血压。定位为趋势监测，而非单次诊断数值。"
                    ),
                    evidence: bi("Compared with ambulatory cuff monitoring in 20 volunteers; trend agreement acceptable, absolute error still high.", "在20名志愿者中与动态血压监测比较，趋势一致性可接受，绝对误差仍偏大。"),
                    stage: "prototype",
                    keywords: &[bi("cuffless blood pressure", "无袖带血压"), bi("pulse arrival time", "脉搏到达时间"), bi("nocturnal hypertension", "夜间高血压"), bi("calibration", "校准")],
                },
                SolutionSeed {
                    title: bi("Protocol-driven titration software for community doctors", "社区医生降压药调整辅助软件"),
                    solution: bi(
                        "Software receives home readings, computes weekly averages and suggests the next step of a guideline-based titration protocol. The community doctor approves with one click and the patient receives the updated plan by text message. Pharmacists can review interactions.",
                        "软件接收家庭血压数据，计算周平均值，并按指南化的调整路径提示下一步用药方案。社区医生一键确认后，患者通过短信收到新方案，药师可审核药物相互作用。"
                    ),
                    evidence: bi("Literature only; protocol adapted from current hypertension guidelines.", "目前仅有文献依据，方案改编自现行高血压指南。"),
                    stage: "concept",
                    keywords: &[bi("antihypertensive titration", "降压药调整"), bi("clinical decision support", "临床决策支持"), bi("primary care", "基层医疗"), bi("guideline", "指南")],
                },
            ],
        },
        NeedSeed {
            problem: bi("prepare heavily calcified coronary lesions for stenting", "对重度钙化冠脉病变进行充分预处理"),
            population: bi("patients with severe coronary calcification undergoing PCI", "合并重度冠脉钙化的PCI患者"),
            outcome: bi("ensures full stent expansion and reduces perforation and slow flow", "保证支架充分膨胀，减少穿孔和慢血流"),
            current_practice: bi(
                "Operators use non-compliant balloons at high pressure or rotational atherectomy. Balloons often fail to crack the calcium, and atherectomy is technically demanding with risks of slow flow and perforation.",
                "目前多采用非顺应性球囊高压扩张或冠脉旋磨。球囊常难以裂解钙化，旋磨技术要求高，存在慢血流和穿孔风险。"
            ),
            keywords: &[bi("coronary calcification", "冠脉钙化"), bi("lesion preparation", "病变预处理"), bi("stent expansion", "支架膨胀"), bi("PCI", "PCI")],
            solutions: &[
                SolutionSeed {
                    title: bi("Acoustic shockwave balloon", "冲击波球囊导管"),
                    solution: bi(
                        "A balloon catheter with emitters inside generates pulsed acoustic pressure waves at low inflation pressure. The waves fracture superficial and deep calcium while the balloon stays gentle on the vessel wall. Workflow is the same as a standard balloon.",
                        "球囊内置发射电极，在低压充盈状态下产生脉冲声压波，可裂解浅层和深层钙化，而球囊本身对血管壁作用温和。操作流程与普通球囊相同。"
                    ),
                    evidence: bi("Calcified human cadaveric artery segments treated on the bench; fractures confirmed on micro-CT.", "在钙化的人体离体动脉节段上进行台架试验，显微CT证实钙化断裂。"),
                    stage: "prototype",
                    keywords: &[bi("intravascular lithotripsy", "血管内碎石"), bi("shockwave", "冲击波"), bi("balloon catheter", "球囊导管"), bi("calcium fracture", "钙化断裂")],
                },
                SolutionSeed {
                    title: bi("OCT calcium scoring and strategy software", "OCT钙化评分与策略推荐软件"),
                    solution: bi(
                        "Software automatically measures calcium arc, thickness and length on intravascular OCT pullbacks and calculates a score predicting stent under-expansion. It recommends balloon-only, cutting balloon or atherectomy. Decisions become consistent between operators.",
                        "软件在血管内OCT回撤图像上自动测量钙化弧度、厚度和长度，计算预测支架膨胀不良的评分，并推荐单纯球囊、切割球囊或旋磨策略，使不同术者决策更一致。"
                    ),
                    evidence: bi("A retrospective review of 210 OCT-guided cases at our center, comparing score with final stent expansion.", "回顾本中心210例OCT指导下PCI，比较评分与最终支架膨胀率。"),
                    stage: "clinical_data",
                    keywords: &[bi("optical coherence tomography", "光学相干断层成像"), bi("calcium score", "钙化评分"), bi("intravascular imaging", "腔内影像"), bi("decision support", "决策支持")],
                },
                SolutionSeed {
                    title: bi("Nitinol scoring-element balloon", "镍钛合金刻痕球囊"),
                    solution: bi(
                        "A semi-compliant balloon carries three helical nitinol wires that concentrate force along lines and score the calcium at moderate pressure. The helical layout reduces slipping compared with straight blades. It is cheaper and simpler than atherectomy for moderate calcification.",
                        "半顺应性球囊外附三根螺旋形镍钛丝，在中等压力下沿线集中受力刻划钙化。螺旋布局较直刀片更不易滑脱。对中度钙化而言比旋磨更简便、成本更低。"
                    ),
                    evidence: bi("Literature only; prototypes of the wire-bonding process are being made.", "目前仅有文献依据，金属丝粘接工艺样件正在制作中。"),
                    stage: "concept",
                    keywords: &[bi("scoring balloon", "刻痕球囊"), bi("nitinol", "镍钛合金"), bi("semi-compliant balloon", "半顺应性球囊")],
                },
            ],
        },
    ],
    experts: &[
        ExpertSeed {
            specialty: bi("cardiac electrophysiology", "心脏电生理"),
            bio: bi(
                "Director of the arrhythmia center at a university hospital with 20 years in catheter ablation. His focus is atrial fibrillation ablation, left atrial appendage occlusion and long-term rhythm monitoring.",
                "大学附属医院心律失常中心主任，从事导管消融20年。主要方向为房颤消融、左心耳封堵及长程心律监测。"
            ),
            past_work: &[
                bi("Zero-fluoroscopy AF ablation guided by intracardiac echo, 500-case series", "心腔内超声指导下零射线房颤消融，500例系列"),
                bi("Detection of subclinical AF after cryptogenic stroke with extended ECG monitoring", "隐源性卒中后长程心电监测检出亚临床房颤研究"),
                bi("Transseptal puncture complications and training program for fellows", "房间隔穿刺并发症分析及进修医师培训方案"),
                bi("Left atrial appendage occlusion in high bleeding-risk patients, registry", "高出血风险患者左心耳封堵登记研究"),
            ],
        },
        ExpertSeed {
            specialty: bi("interventional cardiology", "冠心病介入"),
            bio: bi(
                "Chief physician and professor leading the cath lab of a provincial hospital, more than 8,000 PCI procedures over 18 years. He works on complex coronary lesions, intravascular imaging and access-site management.",
                "省级医院导管室负责人，主任医师、教授，18年累计完成PCI逾8000例。专注于复杂冠脉病变、腔内影像和入路管理。"
            ),
            past_work: &[
                bi("Rotational atherectomy versus cutting balloon for calcified lesions, single-center comparison", "钙化病变旋磨与切割球囊的单中心对比研究"),
                bi("OCT-guided stent optimization protocol", "OCT指导支架优化方案"),
                bi("Radial artery occlusion after transradial PCI, incidence and prevention", "经桡动脉PCI术后桡动脉闭塞的发生率与预防"),
                bi("Contrast-induced AKI prevention in CKD patients, hydration study", "CKD患者对比剂肾损伤预防的水化研究"),
            ],
        },
        ExpertSeed {
            specialty: bi("heart failure management", "心力衰竭"),
            bio: bi(
                "Head of the heart failure unit in a tertiary hospital with 16 years of experience. She built a nurse-led remote management program and studies congestion monitoring and readmission reduction.",
                "三甲医院心衰病房负责人，从业16年。牵头建立护士主导的心衰远程管理项目，研究容量监测与降低再入院。"
            ),
            past_work: &[
                bi("Remote management program for discharged heart failure patients, 1,200 enrolled", "心衰出院患者远程管理项目，入组1200例"),
                bi("Lung ultrasound B-lines to guide diuretic therapy", "肺超声B线指导利尿治疗"),
                bi("Bioimpedance monitoring of fluid status in chronic heart failure", "生物电阻抗监测慢性心衰容量状态"),
            ],
        },
        ExpertSeed {
            specialty: bi("hypertension and preventive cardiology", "高血压与心血管预防"),
            bio: bi(
                "Professor of cardiology and director of the hypertension clinic, with 25 years of work linking hospital and community care. His research covers home and ambulatory blood pressure monitoring and digital chronic disease management.",
                "心内科教授、高血压门诊主任，25年来致力于医院与社区联动管理。研究方向包括家庭及动态血压监测和慢病数字化管理。"
            ),
            past_work: &[
                bi("Community hypertension management network covering 30 clinics", "覆盖30家社区卫生服务中心的高血压管理网络"),
                bi("Validation of home blood pressure monitors in elderly patients", "老年患者家庭血压计准确性验证"),
                bi("Nocturnal hypertension and morning surge, ambulatory monitoring study", "夜间高血压与晨峰现象的动态血压研究"),
                bi("Cuffless blood pressure devices, review article", "无袖带血压测量技术综述"),
            ],
        },
        ExpertSeed {
            specialty: bi("cardiovascular device engineering", "心血管器械研发"),
            bio: bi(
                "Senior R&D engineer at the company with 15 years in catheter and balloon development. He leads design verification for interventional products, from material selection to animal studies.",
                "公司高级研发工程师，从事导管和球囊开发15年，负责介入产品从选材到动物实验的设计验证工作。"
            ),
            past_work: &[
                bi("Non-compliant PTCA balloon platform, registration completed", "非顺应性PTCA球囊平台，已完成注册"),
                bi("Steerable sheath deflection mechanism, patent family", "可调弯鞘管弯曲机构，系列专利"),
                bi("Hydrophilic coating durability test methods", "亲水涂层耐久性测试方法"),
            ],
        },
    ],
    teams: &[
        TeamSeed {
            name: bi("Interventional Catheter Platform Team", "介入导管平台团队"),
            capabilities: bi(
                "Develops catheters, sheaths, balloons and needles for coronary and structural heart interventions. The team has in-house extrusion, braiding and balloon forming lines and runs bench and animal testing.",
                "开发用于冠脉及结构性心脏病介入的导管、鞘管、球囊和穿刺针，拥有自有挤出、编织和球囊成型产线，可开展台架及动物试验。"
            ),
            technologies: &[
                bi("precision extrusion of multi-lumen catheters", "多腔导管精密挤出"),
                bi("braided shaft reinforcement", "编织加强管身"),
                bi("balloon blow molding", "球囊吹塑成型"),
                bi("hydrophilic coatings", "亲水涂层"),
                bi("steerable tip mechanisms", "可调弯头端机构"),
                bi("nitinol shape setting", "镍钛合金定型"),
            ],
        },
        TeamSeed {
            name: bi("Cardiac Monitoring Wearables Team", "心脏监测可穿戴团队"),
            capabilities: bi(
                "Builds ECG patches, wristbands and home monitoring devices with long battery life and reliable skin contact. The team also runs the cloud service that receives and screens recordings.",
                "开发续航长、皮肤贴合可靠的心电贴、腕带和居家监测设备，并负责接收和初筛记录数据的云端服务。"
            ),
            technologies: &[
                bi("low-power ECG front ends", "低功耗心电前端"),
                bi("PPG signal processing", "PPG信号处理"),
                bi("skin-friendly adhesives", "亲肤粘胶"),
                bi("arrhythmia detection algorithms", "心律失常识别算法"),
                bi("cellular IoT connectivity", "蜂窝物联网连接"),
            ],
        },
        TeamSeed {
            name: bi("Cardiovascular Imaging and AI Team", "心血管影像与AI团队"),
            capabilities: bi(
                "Develops analysis software for intravascular imaging, echocardiography and ECG. The team has annotated datasets from partner hospitals and experience with AI software registration.",
                "开发腔内影像、超声心动图和心电图的分析软件，拥有合作医院的标注数据集，具备人工智能软件注册经验。"
            ),
            technologies: &[
                bi("intravascular OCT image analysis", "血管内OCT图像分析"),
                bi("echocardiography segmentation", "超声心动图分割"),
                bi("deep learning on ECG", "心电深度学习"),
                bi("DICOM integration", "DICOM集成"),
            ],
        },
    ],
};

const ONCOLOGY: FieldCorpus = FieldCorpus {
    field: "oncology",
    needs: &[
        NeedSeed {
            problem: bi("localize non-palpable breast lesions for surgery", "术中精准定位不可触及的乳腺病灶"),
            population: bi("women with screen-detected or post-neoadjuvant breast cancer", "筛查发现或新辅助治疗后的乳腺癌患者"),
            outcome: bi("avoids wire dislodgement and lowers the re-excision rate", "避免定位导丝移位，降低再次切除率"),
            current_practice: bi(
                "A hookwire is placed under mammography or ultrasound on the morning of surgery. Wires dislodge, tie surgery to the radiology schedule and are uncomfortable, and margins are still positive in a notable share of cases.",
                "术日晨在钼靶或超声引导下放置定位导丝。导丝易移位，手术安排受影像科排程制约，患者不适明显，术后切缘阳性仍占一定比例。"
            ),
            keywords: &[bi("breast-conserving surgery", "保乳手术"), bi("lesion localization", "病灶定位"), bi("surgical margin", "手术切缘"), bi("hookwire", "定位导丝")],
            solutions: &[
                SolutionSeed {
                    title: bi("Implantable magnetic seed with handheld probe", "植入式磁性定位粒子及手持探头"),
                    solution: bi(
                        "A rice-grain-sized magnetic seed is implanted under ultrasound days or weeks before surgery. In theatre a handheld magnetometer probe gives an audible distance signal to guide dissection. It decouples radiology from the operating schedule and has no external wire.",
                        "米粒大小的磁性粒子可在术前数天至数周于超声引导下植入，术中手持磁力探头以声音提示距离引导切除。影像科操作与手术排程解耦，且无外露导丝。"
                    ),
                    evidence: bi("Detection range and seed migration tested in 10 tissue phantoms and 4 porcine breast models.", "在10个组织模型和4个猪乳腺模型上测试了探测距离和粒子移位情况。"),
                    stage: "prototype",
                    keywords: &[bi("magnetic seed", "磁性粒子"), bi("magnetometer probe", "磁力探头"), bi("wire-free localization", "无导丝定位"), bi("ultrasound-guided placement", "超声引导放置")],
                },
                SolutionSeed {
                    title: bi("Intraoperative specimen margin imaging", "术中标本切缘成像"),
                    solution: bi(
                        "A compact cabinet scanner produces a 3D X-ray image of the excised specimen within two minutes. Software measures the distance from the lesion or clip to each inked margin and suggests which cavity wall to shave. The surgeon gets margin information before closing.",
                        "紧凑型柜式扫描仪两分钟内获得切除标本的三维X线图像，软件测量病灶或标记夹至各染色切缘的距离，提示需要补切的腔壁，使术者在缝合前掌握切缘情况。"
                    ),
                    evidence: bi("A retrospective review of 120 lumpectomy specimens imaged with our existing 2D device compared with final pathology.", "回顾本科120例肿块切除标本的现有二维成像结果与最终病理对照。"),
                    stage: "concept",
                    keywords: &[bi("specimen radiography", "标本X线成像"), bi("margin assessment", "切缘评估"), bi("3D imaging", "三维成像"), bi("re-excision", "再次切除")],
                },
                SolutionSeed {
                    title: bi("3D-printed surgical guide from prone MRI", "基于俯卧位MRI的3D打印手术导板"),
                    solution: bi(
                        "Software converts the prone breast MRI to the supine surgical position with a deformation model and prints a skin-fitting guide marking the tumor outline. It is aimed at lesions seen mainly on MRI after neoadjuvant therapy.",
                        "软件利用形变模型将俯卧位乳腺MRI转换为仰卧手术体位，打印贴合皮肤的导板标示肿瘤轮廓，主要适用于新辅助治疗后主要依赖MRI显示的病灶。"
                    ),
                    evidence: bi("Literature only.", "目前仅有文献依据。"),
                    stage: "idea",
                    keywords: &[bi("breast MRI", "乳腺MRI"), bi("deformation model", "形变模型"), bi("3D printing", "3D打印"), bi("neoadjuvant therapy", "新辅助治疗")],
                },
            ],
        },
        NeedSeed {
            problem: bi("prevent chemotherapy-induced peripheral neuropathy", "预防化疗所致周围神经病变"),
            population: bi("patients receiving taxane or oxaliplatin chemotherapy", "接受紫杉类或奥沙利铂化疗的患者"),
            outcome: bi("preserves planned dose intensity and long-term hand and foot function", "保证化疗剂量强度，保护手足长期功能"),
            current_practice: bi(
                "Neuropathy is usually addressed only after symptoms appear, by reducing or stopping the drug. Frozen gloves are used in some wards but are uncomfortable and their temperature is not controlled.",
                "目前多在出现症状后才减量或停药。部分病房使用冰手套，但患者耐受差，温度无法控制。"
            ),
            keywords: &[bi("peripheral neuropathy", "周围神经病变"), bi("chemotherapy toxicity", "化疗毒性"), bi("cryotherapy", "冷疗"), bi("supportive care", "支持治疗")],
            solutions: &[
                SolutionSeed {
                    title: bi("Temperature-controlled limb cryocompression", "温控肢端冷压装置"),
                    solution: bi(
                        "Gloves and socks with circulating coolant keep the skin at a set temperature during infusion while applying mild intermittent compression. Controlled cooling is more tolerable than frozen gloves and reduces drug delivery to peripheral nerves consistently.",
                        "手套和袜套内循环冷却液，在输注期间将皮肤温度维持在设定值，并施加轻度间歇压迫。温控冷疗比冰手套耐受性好，能稳定减少药物到达外周神经。"
                    ),
                    evidence: bi("Used in 36 patients on our oncology ward; 31 completed all planned cycles with the device.", "本院肿瘤病房36例患者使用，其中31例全程完成计划周期。"),
                    stage: "clinical_data",
                    keywords: &[bi("cryocompression", "冷压疗法"), bi("temperature control", "温度控制"), bi("taxane", "紫杉类"), bi("tolerability", "耐受性")],
                },
                SolutionSeed {
                    title: bi("Handheld quantitative sensory tester", "手持式定量感觉检测仪"),
                    solution: bi(
                        "A handheld device measures vibration and warm-cold thresholds on fingertips and toes in three minutes before each cycle. Rising thresholds flag subclinical neuropathy so the team can adjust before symptoms become disabling.",
                        "手持设备在每个化疗周期前用三分钟测量指尖和趾端的振动觉及冷热觉阈值，阈值升高提示亚临床神经病变，便于在症状致残前及时调整方案。"
                    ),
                    evidence: bi("Repeatability tested on 20 healthy volunteers.", "在20名健康志愿者中完成重复性测试。"),
                    stage: "prototype",
                    keywords: &[bi("quantitative sensory testing", "定量感觉检测"), bi("vibration threshold", "振动觉阈值"), bi("early detection", "早期发现")],
                },
                SolutionSeed {
                    title: bi("Patient-reported neuropathy tracking app", "患者自报神经毒性追踪应用"),
                    solution: bi(
                        "An app asks short validated neuropathy questions and a simple button-tapping dexterity test between cycles. Scores are charted for the oncologist at the next visit. It adds structured data without extra clinic time.",
                        "应用在化疗间期推送简短的神经毒性量表问题和简单的点击灵巧性测试，评分趋势在下次就诊时呈现给肿瘤科医生，不增加门诊时间。"
                    ),
                    evidence: bi("Literature only.", "目前仅有文献依据。"),
                    stage: "idea",
                    keywords: &[bi("patient-reported outcomes", "患者报告结局"), bi("mobile health", "移动医疗"), bi("dexterity test", "灵巧性测试")],
                },
            ],
        },
        NeedSeed {
            problem: bi("detect extravasation of vesicant chemotherapy within minutes", "在数分钟内发现发疱性化疗药物外渗"),
            population: bi("patients receiving vesicant drugs through peripheral cannulas", "经外周静脉输注发疱性药物的患者"),
            outcome: bi("limits tissue necrosis and avoids surgical debridement", "减轻组织坏死，避免外科清创"),
            current_practice: bi(
                "Nurses inspect the site every 15 to 30 minutes and rely on patients to report pain. Extravasation is often noticed only after a large volume has leaked.",
                "护士每15至30分钟巡视一次穿刺部位，并依赖患者主诉疼痛。往往在大量药液渗出后才被发现。"
            ),
            keywords: &[bi("extravasation", "药物外渗"), bi("vesicant", "发疱剂"), bi("peripheral IV", "外周静脉输液"), bi("infusion safety", "输液安全")],
            solutions: &[
                SolutionSeed {
                    title: bi("Skin patch extravasation sensor", "皮肤贴片式外渗传感器"),
                    solution: bi(
                        "A disposable patch over the cannula tip measures local tissue bioimpedance and skin temperature. Fluid accumulating in subcutaneous tissue changes both, and the patch alarms at the nurse station and can pause the pump. Detection is continuous instead of periodic.",
                        "一次性贴片覆盖于留置针尖端部位，测量局部组织生物阻抗和皮温。皮下积液会改变这两项参数，贴片随即向护士站报警并可暂停输液泵，实现连续而非间断监测。"
                    ),
                    evidence: bi("Tested on a skin-tissue phantom with infused saline; detection at about 5 mL.", "在输注生理盐水的皮肤组织模型上测试，约5毫升即可检出。"),
                    stage: "prototype",
                    keywords: &[bi("bioimpedance", "生物阻抗"), bi("skin temperature", "皮温"), bi("disposable sensor", "一次性传感器"), bi("pump interlock", "输液泵联锁")],
                },
                SolutionSeed {
                    title: bi("Infusion pump pressure-waveform analysis", "输液泵压力波形分析算法"),
                    solution: bi(
                        "Software in the infusion pump analyzes line pressure and its response to small flow pulses. A change in the resistance pattern suggests the cannula tip has left the vein. No extra disposable is needed.",
                        "输液泵软件分析管路压力及其对微小流量脉冲的响应，阻力特征变化提示针尖可能已脱出血管，无需额外耗材。"
                    ),
                    evidence: bi("Literature only; pressure-based methods have shown limited sensitivity, so combination with a sensor may be needed.", "目前仅有文献依据；单纯压力法灵敏度有限，可能需与传感器联合使用。"),
                    stage: "idea",
                    keywords: &[bi("infusion pump", "输液泵"), bi("line pressure", "管路压力"), bi("signal analysis", "信号分析")],
                },
                SolutionSeed {
                    title: bi("Near-infrared vein selection aid", "近红外静脉选择辅助仪"),
                    solution: bi(
                        "A near-infrared projector displays forearm veins on the skin and a scoring guide helps nurses choose a straight, large vein away from joints. Better first placement reduces the risk of extravasation at its source.",
                        "近红外投影仪将前臂静脉显示于皮肤表面，配合评分指引帮助护士选择远离关节、粗直的静脉，从源头降低外渗风险。"
                    ),
                    evidence: bi("A ward audit of 200 cannulations before and after introducing vein imaging at our chemotherapy day unit.", "在本院化疗日间病房对引入静脉显像前后各200例置管进行了护理质量评估。"),
                    stage: "clinical_data",
                    keywords: &[bi("near-infrared imaging", "近红外成像"), bi("vein visualization", "静脉显像"), bi("cannulation", "静脉置管"), bi("nursing", "护理")],
                },
            ],
        },
        NeedSeed {
            problem: bi("obtain enough tumor tissue for molecular testing in a single biopsy", "一次活检即获取足够的肿瘤组织用于分子检测"),
            population: bi("patients with suspected lung cancer undergoing CT-guided percutaneous biopsy", "接受CT引导经皮穿刺活检的疑似肺癌患者"),
            outcome: bi("reduces repeat biopsies and delays before targeted therapy", "减少重复活检，缩短靶向治疗前的等待时间"),
            current_practice: bi(
                "Operators take several cores without knowing whether they contain tumor. A notable share are insufficient for genomic testing, and rapid on-site evaluation by a cytopathologist is rarely available.",
                "术者取多条组织但无法判断其中是否含有肿瘤，相当比例的标本不足以完成基因检测，而细胞病理医师现场快速评估很少能够开展。"
            ),
            keywords: &[bi("percutaneous lung biopsy", "经皮肺穿刺活检"), bi("next-generation sequencing", "二代测序"), bi("tissue adequacy", "标本满意度"), bi("lung cancer", "肺癌")],
            solutions: &[
                SolutionSeed {
                    title: bi("Bedside optical core adequacy check", "床旁光学组织条满意度评估"),
                    solution: bi(
                        "Each core is placed in a cassette and imaged with a compact fluorescence microscope after a one-minute stain. Software estimates tumor cell content and tells the operator whether another pass is needed. It replaces on-site cytopathology where none is available.",
                        "每条组织置于专用盒中，一分钟快速染色后用紧凑型荧光显微镜成像，软件估算肿瘤细胞含量并提示是否需要追加穿刺，可在无现场细胞病理时替代快速评估。"
                    ),
                    evidence: bi("Images of 60 cores compared with final pathology reports at our hospital.", "本院60条组织的成像结果与最终病理报告进行了对照。"),
                    stage: "prototype",
                    keywords: &[bi("rapid on-site evaluation", "现场快速评估"), bi("fluorescence microscopy", "荧光显微"), bi("tumor cellularity", "肿瘤细胞含量"), bi("image analysis", "图像分析")],
                },
                SolutionSeed {
                    title: bi("Rotating large-core biopsy needle", "旋切式大芯活检针"),
                    solution: bi(
                        "A coaxial needle with a rotating cutting cannula and gentle suction harvests a longer, intact core per pass than a spring-loaded side-notch needle. More tissue per pass means fewer pleural crossings.",
                        "同轴活检针采用旋转切割套管和轻度负压，每次获取的组织条较弹簧侧槽式活检针更长、更完整。单次取材量增加，意味着穿刺胸膜次数减少。"
                    ),
                    evidence: bi("Bench comparison in 8 ex vivo porcine lungs: mean core weight roughly doubled.", "在8个离体猪肺上进行台架比较，平均组织条重量约增加一倍。"),
                    stage: "prototype",
                    keywords: &[bi("coaxial biopsy needle", "同轴活检针"), bi("rotational cutting", "旋转切割"), bi("core size", "组织条大小"), bi("pneumothorax", "气胸")],
                },
                SolutionSeed {
                    title: bi("Target planning from contrast CT and PET", "基于增强CT和PET的活检靶区规划软件"),
                    solution: bi(
                        "Software fuses the planning CT with prior contrast CT and PET and highlights enhancing, metabolically active regions while masking necrosis. The operator aims at regions most likely to yield viable tumor.",
                        "软件将术中规划CT与既往增强CT、PET融合，突出显示强化且代谢活跃的区域，屏蔽坏死区，引导术者瞄准最可能获得存活肿瘤的部位。"
                    ),
                    evidence: bi("A retrospective review of 150 biopsies at our department linking sampled region to molecular testing success.", "回顾本科150例活检，分析取材区域与分子检测成功率的关系。"),
                    stage: "concept",
                    keywords: &[bi("image fusion", "图像融合"), bi("PET-CT", "PET-CT"), bi("necrosis", "坏死"), bi("biopsy planning", "活检规划")],
                },
            ],
        },
        NeedSeed {
            problem: bi("keep the heart out of the radiation field reproducibly", "可重复地将心脏移出放射野"),
            population: bi("patients receiving left-sided breast radiotherapy", "接受左侧乳腺癌放疗的患者"),
            outcome: bi("reduces cardiac dose and late cardiac events", "降低心脏受量和远期心脏事件"),
            current_practice: bi(
                "Deep-inspiration breath-hold is coached verbally and checked with external markers. Breath-hold depth varies between fractions and many centers lack dedicated tracking equipment.",
                "深吸气屏气技术依靠口头指导和体表标记检查，不同分次间屏气深度不一致，很多中心缺乏专用追踪设备。"
            ),
            keywords: &[bi("deep-inspiration breath-hold", "深吸气屏气"), bi("cardiac dose", "心脏受量"), bi("breast radiotherapy", "乳腺癌放疗"), bi("motion management", "运动管理")],
            solutions: &[
                SolutionSeed {
                    title: bi("Surface-guided tracking with patient visual feedback", "体表光学追踪及患者视觉反馈"),
                    solution: bi(
                        "Ceiling-mounted depth cameras track the chest surface in 3D and compare it with the planning position. Video goggles show patients their own breathing trace and the target window, and the beam is held when they drift out of it.",
                        "天花板安装的深度相机三维追踪胸壁表面并与计划位置比较，患者通过视频眼镜看到自己的呼吸曲线和目标窗口，偏离时自动停止出束。"
                    ),
                    evidence: bi("Phantom tests show sub-2 mm surface tracking; 15 patients used the goggles in a feasibility study.", "模体测试显示体表追踪误差小于2毫米，15例患者在可行性研究中使用了视觉反馈眼镜。"),
                    stage: "clinical_data",
                    keywords: &[bi("surface-guided radiotherapy", "体表引导放疗"), bi("depth camera", "深度相机"), bi("visual feedback", "视觉反馈"), bi("beam gating", "门控出束")],
                },
                SolutionSeed {
                    title: bi("Spirometer breath-hold controller", "肺量计屏气控制装置"),
                    solution: bi(
                        "A mouthpiece spirometer measures inhaled volume and closes a valve at the planned volume to hold the breath at the same depth every fraction. It is low-cost and needs no camera installation.",
                        "口含式肺量计测量吸气容积，到达计划容积时关闭阀门，使每次屏气深度一致。成本低，无需安装相机系统。"
                    ),
                    evidence: bi("Reproducibility tested in 12 volunteers over 5 sessions.", "在12名志愿者中进行5次重复测试，评估可重复性。"),
                    stage: "prototype",
                    keywords: &[bi("spirometry", "肺量测定"), bi("breath-hold valve", "屏气阀"), bi("reproducibility", "可重复性")],
                },
                SolutionSeed {
                    title: bi("Home breath-hold coaching program", "居家屏气训练程序"),
                    solution: bi(
                        "A chest belt sensor and app let patients practice breath-hold at home during the planning week. Patients who cannot reach a stable hold are identified before simulation. Training improves hold duration and reduces time on the treatment couch.",
                        "胸带传感器配合应用，患者可在定位前一周居家练习屏气。无法稳定屏气的患者在模拟定位前即被识别，训练可延长屏气时间，缩短上机时间。"
                    ),
                    evidence: bi("Literature only.", "目前仅有文献依据。"),
                    stage: "idea",
                    keywords: &[bi("respiratory belt", "呼吸带"), bi("patient training", "患者训练"), bi("treatment time", "治疗时间")],
                },
            ],
        },
        NeedSeed {
            problem: bi("detect lymphedema at a subclinical stage", "在亚临床阶段发现淋巴水肿"),
            population: bi("women after axillary lymph node dissection for breast cancer", "乳腺癌腋窝淋巴结清扫术后患者"),
            outcome: bi("allows early compression therapy and prevents chronic lymphedema", "尽早开始压力治疗，防止发展为慢性淋巴水肿"),
            current_practice: bi(
                "Arm circumference is measured with a tape at follow-up visits. The method is insensitive and operator-dependent, so lymphedema is usually diagnosed when swelling is already visible.",
                "复查时用软尺测量上臂周径，灵敏度低且受测量者影响大，多在肿胀明显时才确诊。"
            ),
            keywords: &[bi("lymphedema", "淋巴水肿"), bi("axillary dissection", "腋窝淋巴结清扫"), bi("breast cancer survivorship", "乳腺癌康复"), bi("early detection", "早期发现")],
            solutions: &[
                SolutionSeed {
                    title: bi("Bioimpedance spectroscopy arm monitor", "生物电阻抗频谱上肢监测仪"),
                    solution: bi(
                        "A small device measures extracellular fluid in both arms by bioimpedance spectroscopy and reports an inter-limb ratio. A rise from the patient's own preoperative baseline triggers early compression sleeves. Measurement takes one minute.",
                        "小型设备通过生物电阻抗频谱测量双上肢细胞外液，输出两侧比值。与患者术前基线相比升高时即启动早期压力袖套治疗，测量仅需一分钟。"
                    ),
                    evidence: bi("Baseline and 3-month measurements in 50 patients at our breast center.", "在本院乳腺中心50例患者中完成术前基线及术后3个月测量。"),
                    stage: "clinical_data",
                    keywords: &[bi("bioimpedance spectroscopy", "生物电阻抗频谱"), bi("extracellular fluid", "细胞外液"), bi("baseline comparison", "基线对比"), bi("compression sleeve", "压力袖套")],
                },
                SolutionSeed {
                    title: bi("Smartphone 3D arm volume scan", "手机三维上肢体积扫描"),
                    solution: bi(
                        "Patients scan both arms with a phone's depth camera at home once a month. Software reconstructs the limb and computes volume difference with good repeatability. Results go to the breast care nurse.",
                        "患者每月在家用手机深度摄像头扫描双上肢，软件重建肢体模型并计算体积差，重复性好，结果发送给乳腺专科护士。"
                    ),
                    evidence: bi("Compared with water displacement in 15 volunteers.", "在15名志愿者中与排水法对比。"),
                    stage: "prototype",
                    keywords: &[bi("3D scanning", "三维扫描"), bi("limb volume", "肢体体积"), bi("home monitoring", "居家监测")],
                },
                SolutionSeed {
                    title: bi("Pressure-sensing compression sleeve", "压力感知型压力袖套"),
                    solution: bi(
                        "A compression sleeve with thin pressure sensors reports whether it delivers the intended gradient and how long it is worn. Loss of pressure over time also signals swelling changes. It addresses both adherence and sizing.",
                        "压力袖套内置薄膜压力传感器，反馈是否达到预期压力梯度和每日佩戴时长；压力随时间变化还可反映肿胀改变，兼顾依从性和尺寸适配问题。"
                    ),
                    evidence: bi("Literature only.", "目前仅有文献依据。"),
                    stage: "concept",
                    keywords: &[bi("compression garment", "压力衣"), bi("pressure sensor", "压力传感器"), bi("adherence", "依从性")],
                },
            ],
        },
        NeedSeed {
            problem: bi("identify early occlusion and thrombosis of long-term venous access", "及早发现长期静脉通路的堵塞和血栓"),
            population: bi("cancer patients with PICC lines or implanted ports", "带PICC或植入式输液港的肿瘤患者"),
            outcome: bi("reduces catheter loss and symptomatic thrombosis", "减少导管失功和症状性血栓"),
            current_practice: bi(
                "Lines are flushed on a schedule and checked when they stop working or the arm swells. By then the catheter often has to be removed or declotted.",
                "按时冲封管，通常在导管无法使用或手臂肿胀时才检查，此时往往需要拔管或溶栓处理。"
            ),
            keywords: &[bi("PICC", "PICC"), bi("implanted port", "植入式输液港"), bi("catheter-related thrombosis", "导管相关血栓"), bi("catheter occlusion", "导管堵塞")],
            solutions: &[
                SolutionSeed {
                    title: bi("Smart flushing syringe with resistance logging", "带阻力记录的智能冲管注射器"),
                    solution: bi(
                        "A reusable syringe driver measures flushing resistance at each maintenance visit and stores it per catheter. A rising trend indicates partial occlusion before complete failure, prompting a declotting protocol earlier.",
                        "可重复使用的推注装置在每次维护时测量冲管阻力并按导管建立档案。阻力上升趋势可在完全堵塞前提示部分堵塞，以便更早启动溶栓流程。"
                    ),
                    evidence: bi("Resistance readings collected in 40 PICC maintenance visits at our vascular access clinic.", "在本院静脉治疗门诊40次PICC维护中采集了阻力数据。"),
                    stage: "prototype",
                    keywords: &[bi("flushing", "冲管"), bi("resistance measurement", "阻力测量"), bi("partial occlusion", "部分堵塞"), bi("vascular access clinic", "静脉治疗门诊")],
                },
                SolutionSeed {
                    title: bi("AI-assisted nurse ultrasound vein screening", "AI辅助护士超声静脉筛查"),
                    solution: bi(
                        "A handheld ultrasound app guides nurses through compression views of the arm veins along the catheter and flags non-compressible segments. Screening is done at each maintenance visit without a sonographer.",
                        "掌上超声应用引导护士沿导管走行完成上肢静脉加压切面，自动标记不可压闭节段，每次维护时即可筛查，无需超声医师。"
                    ),
                    evidence: bi("Trained on 500 labeled clips; a nurse feasibility study is planned.", "基于500段标注视频训练模型，计划开展护士可行性研究。"),
                    stage: "concept",
                    keywords: &[bi("point-of-care ultrasound", "床旁超声"), bi("compression ultrasound", "加压超声"), bi("deep vein thrombosis", "深静脉血栓"), bi("nurse-led", "护士主导")],
                },
                SolutionSeed {
                    title: bi("Antithrombotic-coated PICC", "抗血栓涂层PICC导管"),
                    solution: bi(
                        "A PICC with a covalently bonded hydrophilic, antithrombotic surface reduces protein adsorption and fibrin sheath formation. It targets the mechanism of both occlusion and thrombosis.",
                        "PICC导管表面共价结合亲水抗血栓涂层，减少蛋白吸附和纤维蛋白鞘形成，从机制上同时针对堵塞和血栓。"
                    ),
                    evidence: bi("Literature only; coating under in vitro blood-loop testing.", "目前仅有文献依据，涂层正在进行体外血液循环测试。"),
                    stage: "idea",
                    keywords: &[bi("surface coating", "表面涂层"), bi("fibrin sheath", "纤维蛋白鞘"), bi("biomaterials", "生物材料")],
                },
            ],
        },
    ],
    experts: &[
        ExpertSeed {
            specialty: bi("breast surgical oncology", "乳腺外科"),
            bio: bi(
                "Director of breast surgery at a cancer hospital with 20 years of practice. Her interests are breast-conserving surgery, localization techniques and lymphedema prevention after axillary surgery.",
                "肿瘤专科医院乳腺外科主任，从业20年。关注保乳手术、病灶定位技术及腋窝手术后淋巴水肿预防。"
            ),
            past_work: &[
                bi("Re-excision rates after wire-guided breast-conserving surgery, 800-case review", "导丝定位保乳手术再切除率分析，800例回顾"),
                bi("Intraoperative margin assessment with specimen imaging", "标本影像术中切缘评估"),
                bi("Lymphedema surveillance program with bioimpedance after axillary dissection", "腋窝清扫术后生物电阻抗淋巴水肿监测项目"),
                bi("Targeted axillary dissection after neoadjuvant chemotherapy", "新辅助化疗后靶向腋窝淋巴结清扫"),
            ],
        },
        ExpertSeed {
            specialty: bi("medical oncology and supportive care", "肿瘤内科与支持治疗"),
            bio: bi(
                "Professor of medical oncology with 18 years of experience treating gastrointestinal and breast cancers. She leads research on chemotherapy toxicity management and patient-reported outcomes.",
                "肿瘤内科教授，从事消化道及乳腺肿瘤化疗18年，牵头化疗毒性管理和患者报告结局研究。"
            ),
            past_work: &[
                bi("Cryotherapy for oxaliplatin-induced peripheral neuropathy, randomized pilot", "冷疗预防奥沙利铂周围神经毒性的随机预试验"),
                bi("Electronic patient-reported symptom monitoring during chemotherapy", "化疗期间电子化患者症状报告监测"),
                bi("Dose intensity and outcomes in adjuvant chemotherapy", "辅助化疗剂量强度与预后研究"),
            ],
        },
        ExpertSeed {
            specialty: bi("radiation oncology", "放射肿瘤学"),
            bio: bi(
                "Chief physician of radiation oncology with 16 years in breast and thoracic radiotherapy. He works on motion management, surface guidance and reduction of cardiac dose.",
                "放疗科主任医师，从事乳腺及胸部肿瘤放疗16年，研究方向为运动管理、体表引导和降低心脏受量。"
            ),
            past_work: &[
                bi("Deep-inspiration breath-hold for left-sided breast radiotherapy, department implementation", "左侧乳腺癌深吸气屏气放疗的科室推广"),
                bi("Surface-guided radiotherapy setup accuracy study", "体表引导放疗摆位精度研究"),
                bi("Cardiac substructure dose and late cardiac events", "心脏亚结构受量与远期心脏事件"),
                bi("Radiation dermatitis grading with photographic assessment", "基于照片评估的放射性皮炎分级"),
            ],
        },
        ExpertSeed {
            specialty: bi("interventional oncology", "肿瘤介入"),
            bio: bi(
                "Head of interventional radiology at a tertiary hospital, 15 years performing image-guided biopsy and ablation. His focus is CT-guided lung biopsy yield, complication reduction and tumor ablation.",
                "三甲医院介入科主任，从事影像引导下活检和消融15年，关注CT引导肺穿刺取材率、并发症控制和肿瘤消融。"
            ),
            past_work: &[
                bi("Diagnostic yield of CT-guided coaxial lung biopsy for molecular testing, 1,000 cases", "CT引导同轴肺穿刺活检分子检测满意度，1000例"),
                bi("Pneumothorax prevention after lung biopsy", "肺穿刺活检后气胸预防"),
                bi("Microwave ablation of pulmonary nodules", "肺结节微波消融"),
            ],
        },
        ExpertSeed {
            specialty: bi("oncology nursing and vascular access", "肿瘤护理与静脉治疗"),
            bio: bi(
                "Head nurse of the vascular access clinic of a cancer hospital with 22 years in oncology nursing. She leads PICC and port maintenance standards and infusion safety programs.",
                "肿瘤医院静脉治疗门诊护士长，肿瘤专科护理22年，主导PICC与输液港维护规范及输液安全项目。"
            ),
            past_work: &[
                bi("Catheter-related thrombosis in cancer patients with PICC, prospective cohort", "肿瘤患者PICC相关血栓前瞻性队列研究"),
                bi("Extravasation management protocol for vesicant chemotherapy", "发疱性化疗药物外渗处理规范"),
                bi("Nurse-performed ultrasound for vascular access", "护士主导的血管通路超声"),
                bi("Port maintenance interval and occlusion rates", "输液港维护间隔与堵管率研究"),
            ],
        },
    ],
    teams: &[
        TeamSeed {
            name: bi("Surgical Oncology Devices Team", "肿瘤外科器械团队"),
            capabilities: bi(
                "Develops localization, biopsy and margin-assessment devices for tumor surgery. The team combines magnetic sensing, precision needle manufacturing and specimen imaging.",
                "开发用于肿瘤手术的定位、活检和切缘评估器械，融合磁感应、精密针具制造和标本成像技术。"
            ),
            technologies: &[
                bi("magnetic field sensing", "磁场传感"),
                bi("precision needle grinding", "精密针具磨削"),
                bi("specimen X-ray imaging", "标本X线成像"),
                bi("fluorescence microscopy", "荧光显微成像"),
                bi("biocompatible implant materials", "生物相容植入材料"),
            ],
        },
        TeamSeed {
            name: bi("Infusion and Vascular Access Team", "输液与血管通路团队"),
            capabilities: bi(
                "Designs catheters, ports and infusion monitoring systems. The team has expertise in polymer catheter materials, surface coatings and sensor-equipped disposables.",
                "设计导管、输液港及输液监测系统，擅长高分子导管材料、表面涂层和带传感器的一次性耗材。"
            ),
            technologies: &[
                bi("polyurethane catheter extrusion", "聚氨酯导管挤出"),
                bi("antithrombotic surface coatings", "抗血栓表面涂层"),
                bi("flexible printed sensors", "柔性印刷传感器"),
                bi("infusion pump firmware", "输液泵固件"),
                bi("bioimpedance measurement", "生物阻抗测量"),
            ],
        },
        TeamSeed {
            name: bi("Radiotherapy Motion Management Team", "放疗运动管理团队"),
            capabilities: bi(
                "Builds surface tracking, respiratory gating and patient feedback systems for radiotherapy. The team works with linear accelerator interfaces and QA phantoms.",
                "开发放疗用体表追踪、呼吸门控和患者反馈系统，熟悉直线加速器接口和质控模体。"
            ),
            technologies: &[
                bi("structured-light 3D surface imaging", "结构光三维体表成像"),
                bi("respiratory gating", "呼吸门控"),
                bi("real-time image registration", "实时图像配准"),
                bi("patient feedback displays", "患者反馈显示"),
            ],
        },
    ],
};

const RESPIRATORY: FieldCorpus = FieldCorpus {
    field: "respiratory",
    needs: &[
        NeedSeed {
            problem: bi("keep oxygen saturation within the target range automatically", "自动将血氧饱和度维持在目标范围内"),
            population: bi("COPD patients hospitalized with an acute exacerbation", "慢阻肺急性加重住院患者"),
            outcome: bi("avoids hypercapnia from over-oxygenation and reduces manual adjustments by nurses", "避免过度氧疗引起的二氧化碳潴留，减少护士手动调节"),
            current_practice: bi(
                "Oxygen flow is set by hand and adjusted after spot checks every few hours. Patients spend much of the time above or below the 88-92% target.",
                "氧流量由人工设定，每隔数小时点测一次血氧后调整，患者相当长时间处于88%至92%目标范围之外。"
            ),
            keywords: &[bi("oxygen therapy", "氧疗"), bi("COPD exacerbation", "慢阻肺急性加重"), bi("hypercapnia", "高碳酸血症"), bi("target saturation", "目标血氧饱和度")],
            solutions: &[
                SolutionSeed {
                    title: bi("Closed-loop oxygen flow controller", "闭环氧流量控制器"),
                    solution: bi(
                        "A bedside controller reads continuous SpO2 from a finger probe and adjusts oxygen flow every second to keep saturation within the prescribed range. It alarms when flow needs exceed a threshold, an early sign of deterioration. It fits between the wall outlet and the nasal cannula.",
                        "床旁控制器读取指夹连续血氧数据，每秒调节氧流量，将血氧维持在医嘱范围内；所需流量超过阈值时报警，提示病情恶化。设备安装在墙式氧源与鼻导管之间即可使用。"
                    ),
                    evidence: bi("Used in 24 patients on our respiratory ward; time in target range rose from about 45% to 80%.", "本院呼吸病房24例患者使用，目标范围内时间占比由约45%提高至80%。"),
                    stage: "clinical_data",
                    keywords: &[bi("closed-loop control", "闭环控制"), bi("pulse oximetry", "脉搏血氧"), bi("automated titration", "自动滴定"), bi("early warning", "早期预警")],
                },
                SolutionSeed {
                    title: bi("Transcutaneous CO2 patch for ward monitoring", "病房用经皮二氧化碳监测贴"),
                    solution: bi(
                        "A low-cost transcutaneous CO2 sensor on the earlobe or chest trends carbon dioxide without arterial punctures. Rising values during oxygen therapy alert staff to hypoventilation before drowsiness sets in.",
                        "贴于耳垂或胸前的低成本经皮二氧化碳传感器无需反复动脉采血即可连续监测二氧化碳趋势，氧疗期间数值上升时在患者嗜睡前提醒医护人员。"
                    ),
                    evidence: bi("Compared with arterial blood gas in 30 paired samples; bias about 3 mmHg.", "与30组动脉血气配对比较，偏差约3毫米汞柱。"),
                    stage: "prototype",
                    keywords: &[bi("transcutaneous CO2", "经皮二氧化碳"), bi("hypoventilation", "通气不足"), bi("blood gas", "血气分析")],
                },
                SolutionSeed {
                    title: bi("Ward oxygen dashboard", "病房氧疗管理看板"),
                    solution: bi(
                        "Software collects SpO2 and oxygen flow from all beds and shows which patients are outside their prescribed range. It prompts the nurse with the suggested adjustment and records it, turning a paper protocol into a visible workflow.",
                        "软件汇总全病区血氧和氧流量数据，显示偏离医嘱范围的患者，提示护士建议调整幅度并自动记录，把纸质流程变成可视化的工作流程。"
                    ),
                    evidence: bi("Literature only.", "目前仅有文献依据。"),
                    stage: "idea",
                    keywords: &[bi("nursing workflow", "护理流程"), bi("central monitoring", "中央监护"), bi("protocol compliance", "流程依从")],
                },
            ],
        },
        NeedSeed {
            problem: bi("check inhaler technique and adherence", "评估吸入装置使用方法和用药依从性"),
            population: bi("patients with asthma or COPD using inhalers at home", "居家使用吸入剂的哮喘或慢阻肺患者"),
            outcome: bi("improves disease control and reduces exacerbations", "改善疾病控制，减少急性加重"),
            current_practice: bi(
                "Technique is taught once in clinic and checked only at the next visit. About half of patients make critical errors, and doctors cannot tell poor adherence from true treatment failure.",
                "吸入技术只在门诊教一次，下次就诊才检查。约半数患者存在关键操作错误，医生难以区分依从性差和真正的治疗无效。"
            ),
            keywords: &[bi("inhaler technique", "吸入技术"), bi("adherence", "依从性"), bi("asthma", "哮喘"), bi("COPD", "慢阻肺")],
            solutions: &[
                SolutionSeed {
                    title: bi("Clip-on inhaler sensor measuring inspiratory flow", "测量吸气流速的吸入器外挂传感器"),
                    solution: bi(
                        "A clip-on sensor records each actuation and measures inspiratory flow through the device with a small pressure sensor. The app tells the patient immediately if the breath was too weak or mistimed and gives the doctor an adherence report.",
                        "外挂式传感器记录每次揿压，并通过微型压力传感器测量经装置的吸气流速。应用即时提示吸气过弱或时机不对，并为医生生成依从性报告。"
                    ),
                    evidence: bi("Flow measurement verified on a breathing simulator for two dry powder inhaler types.", "在呼吸模拟器上对两种干粉吸入器验证了流速测量。"),
                    stage: "prototype",
                    keywords: &[bi("smart inhaler", "智能吸入器"), bi("inspiratory flow", "吸气流速"), bi("dry powder inhaler", "干粉吸入器"), bi("adherence monitoring", "依从性监测")],
                },
                SolutionSeed {
                    title: bi("Spacer with visual flow indicator", "带可视化流速指示的储雾罐"),
                    solution: bi(
                        "A spacer for pressurized inhalers has a float that rises into a green band when the patient inhales slowly and deeply enough. It is purely mechanical, cheap, and suits elderly patients and children.",
                        "用于压力定量吸入器的储雾罐内置浮标，吸气缓慢且充分时浮标升至绿色区域。纯机械结构，成本低，适合老人和儿童。"
                    ),
                    evidence: bi("Clinic use with 60 patients; critical errors fell on repeat assessment.", "门诊60例患者使用，复评时关键错误减少。"),
                    stage: "clinical_data",
                    keywords: &[bi("spacer", "储雾罐"), bi("pressurized metered-dose inhaler", "压力定量吸入器"), bi("visual feedback", "视觉反馈")],
                },
                SolutionSeed {
                    title: bi("Video-based inhaler technique checker", "视频识别吸入技术评估应用"),
                    solution: bi(
                        "Patients film themselves using the inhaler with a phone. Software recognizes the steps such as shaking, exhaling away and breath-holding and points out errors. Pharmacists can review flagged videos remotely.",
                        "患者用手机拍摄自己使用吸入器的过程，软件识别摇匀、呼气、屏气等步骤并指出错误，药师可远程复核标记的视频。"
                    ),
                    evidence: bi("Literature only; a small labeled video set is being collected at our clinic.", "目前仅有文献依据，本院门诊正在收集小规模标注视频。"),
                    stage: "idea",
                    keywords: &[bi("action recognition", "动作识别"), bi("pharmacist", "药师"), bi("patient education", "患者教育")],
                },
            ],
        },
        NeedSeed {
            problem: bi("predict extubation failure during ventilator weaning", "在撤机过程中预测拔管失败"),
            population: bi("mechanically ventilated ICU patients", "ICU机械通气患者"),
            outcome: bi("reduces reintubation and unnecessary ventilator days", "减少再插管和不必要的机械通气天数"),
            current_practice: bi(
                "Readiness is judged from a spontaneous breathing trial, the rapid shallow breathing index and clinical impression. Reintubation still occurs in a notable share of patients, while others stay ventilated too long.",
                "主要依靠自主呼吸试验、浅快呼吸指数和临床经验判断撤机时机，仍有相当比例患者需要再插管，另一些患者则通气时间过长。"
            ),
            keywords: &[bi("ventilator weaning", "呼吸机撤机"), bi("extubation failure", "拔管失败"), bi("diaphragm dysfunction", "膈肌功能障碍"), bi("critical care", "重症医学")],
            solutions: &[
                SolutionSeed {
                    title: bi("Automated diaphragm ultrasound assessment", "膈肌超声自动评估"),
                    solution: bi(
                        "Software on a point-of-care ultrasound machine tracks the diaphragm in M-mode and B-mode, measuring excursion and thickening fraction automatically. Results are displayed during the breathing trial, reducing dependence on operator skill.",
                        "床旁超声软件在M型和B型模式下追踪膈肌，自动测量膈肌移动度和增厚分数，在自主呼吸试验期间实时显示，降低对操作者经验的依赖。"
                    ),
                    evidence: bi("Measurements on 45 patients in our ICU compared with expert manual measurements.", "本院ICU 45例患者的自动测量结果与专家手工测量进行了比较。"),
                    stage: "prototype",
                    keywords: &[bi("diaphragm ultrasound", "膈肌超声"), bi("thickening fraction", "增厚分数"), bi("automatic measurement", "自动测量"), bi("spontaneous breathing trial", "自主呼吸试验")],
                },
                SolutionSeed {
                    title: bi("Parasternal EMG for neural respiratory drive", "胸骨旁肌电评估呼吸中枢驱动"),
                    solution: bi(
                        "Surface electrodes over the second intercostal space record parasternal muscle EMG, a non-invasive index of neural respiratory drive. A rising drive during the breathing trial indicates load-capacity imbalance before clinical signs appear.",
                        "在第二肋间放置表面电极记录胸骨旁肌肌电，作为无创呼吸中枢驱动指标。自主呼吸试验中驱动持续升高提示负荷与能力失衡，早于临床表现。"
                    ),
                    evidence: bi("Literature only.", "目前仅有文献依据。"),
                    stage: "concept",
                    keywords: &[bi("respiratory muscle EMG", "呼吸肌肌电"), bi("neural respiratory drive", "呼吸中枢驱动"), bi("non-invasive monitoring", "无创监测")],
                },
                SolutionSeed {
                    title: bi("Ventilator waveform AI weaning predictor", "呼吸机波形AI撤机预测"),
                    solution: bi(
                        "A model analyzes flow and pressure waveforms collected from the ventilator over the preceding 24 hours, including breathing variability and patient-ventilator asynchrony. It outputs a readiness score to support the daily weaning decision.",
                        "模型分析既往24小时呼吸机流量和压力波形，包括呼吸变异度和人机不同步，输出撤机准备评分，辅助每日撤机决策。"
                    ),
                    evidence: bi("A retrospective review of 380 weaning episodes in our ICU database; external validation pending.", "回顾性分析本院ICU数据库380次撤机过程，外部验证尚待开展。"),
                    stage: "clinical_data",
                    keywords: &[bi("waveform analysis", "波形分析"), bi("patient-ventilator asynchrony", "人机不同步"), bi("machine learning", "机器学习"), bi("breathing variability", "呼吸变异度")],
                },
            ],
        },
        NeedSeed {
            problem: bi("characterize small pulmonary nodules without unnecessary surgery", "在避免不必要手术的前提下明确肺小结节性质"),
            population: bi("adults with nodules found in lung cancer screening", "肺癌筛查中发现结节的成人"),
            outcome: bi("reduces benign resections and anxious months of repeat CT", "减少良性结节切除及数月的反复CT随访"),
            current_practice: bi(
                "Nodules are followed by size on repeat CT for months or years. Peripheral nodules under 2 cm are hard to reach with standard bronchoscopy, so many are resected surgically and turn out benign.",
                "主要依据结节大小反复CT随访数月至数年。直径小于2厘米的周围型结节常规支气管镜难以到达，许多患者直接手术切除，术后证实为良性。"
            ),
            keywords: &[bi("pulmonary nodule", "肺结节"), bi("lung cancer screening", "肺癌筛查"), bi("low-dose CT", "低剂量CT"), bi("peripheral lesion", "周围型病变")],
            solutions: &[
                SolutionSeed {
                    title: bi("Radiomics malignancy risk software", "影像组学恶性风险评估软件"),
                    solution: bi(
                        "Software segments each nodule on screening CT and combines radiomic features with growth between scans to estimate malignancy risk. It recommends follow-up interval or biopsy according to the risk band.",
                        "软件在筛查CT上自动分割结节，结合影像组学特征和前后扫描间的生长情况评估恶性风险，并按风险分级推荐随访间隔或活检。"
                    ),
                    evidence: bi("A retrospective review of 900 nodules with pathology or two-year stability at our hospital.", "回顾本院900个有病理结果或两年稳定随访的结节。"),
                    stage: "clinical_data",
                    keywords: &[bi("radiomics", "影像组学"), bi("nodule segmentation", "结节分割"), bi("volume doubling time", "体积倍增时间"), bi("risk model", "风险模型")],
                },
                SolutionSeed {
                    title: bi("Shape-sensing ultrathin navigation catheter", "形状感知超细导航导管"),
                    solution: bi(
                        "An ultrathin bronchoscopic catheter with a fiber-optic shape sensor shows its full 3D shape on the CT-derived airway map. A radial ultrasound probe or biopsy tool passes through it to the nodule. Shape sensing avoids the drift of electromagnetic systems.",
                        "超细支气管镜导管内置光纤形状传感器，在CT重建的气道图上实时显示导管全长三维形态，径向超声探头或活检工具经其到达结节。形状感知避免了电磁导航的漂移问题。"
                    ),
                    evidence: bi("Airway phantom testing: tip position error about 3 mm.", "气道模型测试显示尖端定位误差约3毫米。"),
                    stage: "prototype",
                    keywords: &[bi("navigational bronchoscopy", "导航支气管镜"), bi("fiber-optic shape sensing", "光纤形状感知"), bi("radial EBUS", "径向超声支气管镜"), bi("transbronchial biopsy", "经支气管活检")],
                },
                SolutionSeed {
                    title: bi("Exhaled breath volatile compound test", "呼出气挥发性有机物检测"),
                    solution: bi(
                        "A breath collection device with a sensor array analyzes volatile organic compounds in exhaled breath. Combined with nodule size, the pattern may separate malignant from benign nodules at low cost and without radiation.",
                        "呼气采集装置配合传感器阵列分析呼出气中的挥发性有机物，结合结节大小，有望以低成本、无辐射的方式区分良恶性结节。"
                    ),
                    evidence: bi("Literature only.", "目前仅有文献依据。"),
                    stage: "idea",
                    keywords: &[bi("breath analysis", "呼气分析"), bi("volatile organic compounds", "挥发性有机物"), bi("electronic nose", "电子鼻")],
                },
            ],
        },
        NeedSeed {
            problem: bi("clear airway secretions effectively at home", "在家中有效清除气道分泌物"),
            population: bi("patients with bronchiectasis", "支气管扩张症患者"),
            outcome: bi("reduces exacerbations and hospital visits", "减少急性加重和就诊次数"),
            current_practice: bi(
                "Patients are taught postural drainage and family members do chest percussion by hand. Sessions are tiring, inconsistent and often skipped.",
                "教患者体位引流，由家属徒手拍背。操作费力、效果不稳定，患者常常不坚持。"
            ),
            keywords: &[bi("bronchiectasis", "支气管扩张"), bi("airway clearance", "气道廓清"), bi("sputum", "痰液"), bi("home therapy", "居家治疗")],
            solutions: &[
                SolutionSeed {
                    title: bi("Oscillating PEP device with feedback", "带反馈的振荡呼气正压装置"),
                    solution: bi(
                        "A handheld oscillating positive expiratory pressure device contains a sensor that measures pressure and oscillation frequency. The app guides breathing to the effective range and counts completed sets.",
                        "手持式振荡呼气正压装置内置传感器，测量呼气压力和振荡频率，应用引导患者维持在有效范围并统计完成组数。"
                    ),
                    evidence: bi("Used by 20 outpatients for four weeks; sputum volume and adherence recorded.", "20例门诊患者使用4周，记录了排痰量和依从性。"),
                    stage: "clinical_data",
                    keywords: &[bi("oscillating PEP", "振荡呼气正压"), bi("breathing feedback", "呼吸反馈"), bi("handheld device", "手持设备")],
                },
                SolutionSeed {
                    title: bi("Low-cost chest wall oscillation vest", "低成本胸壁振荡背心"),
                    solution: bi(
                        "An inflatable vest driven by a compact blower applies high-frequency chest wall oscillation. A simplified pneumatic design aims at a price that families can afford for home use.",
                        "由小型鼓风机驱动的充气背心施加高频胸壁振荡，简化的气动设计旨在让普通家庭可以负担居家使用。"
                    ),
                    evidence: bi("Bench tests of pressure waveform and frequency on a chest phantom.", "在胸廓模型上完成压力波形和频率的台架测试。"),
                    stage: "prototype",
                    keywords: &[bi("high-frequency chest wall oscillation", "高频胸壁振荡"), bi("pneumatic vest", "气动背心"), bi("cost reduction", "降低成本")],
                },
                SolutionSeed {
                    title: bi("Cough sound monitoring app", "咳嗽声监测应用"),
                    solution: bi(
                        "A phone app counts coughs overnight and classifies wet versus dry coughs. An increase in wet cough frequency signals a looming exacerbation and prompts extra clearance sessions or a call to the clinic.",
                        "手机应用夜间统计咳嗽次数并区分湿咳与干咳。湿咳频率上升提示可能出现急性加重，提醒患者增加廓清次数或联系门诊。"
                    ),
                    evidence: bi("Literature only.", "目前仅有文献依据。"),
                    stage: "idea",
                    keywords: &[bi("cough monitoring", "咳嗽监测"), bi("acoustic analysis", "声学分析"), bi("exacerbation prediction", "急性加重预测")],
                },
            ],
        },
        NeedSeed {
            problem: bi("screen for obstructive sleep apnea before surgery", "术前筛查阻塞性睡眠呼吸暂停"),
            population: bi("adult patients scheduled for elective surgery under general anesthesia", "拟行择期全麻手术的成人患者"),
            outcome: bi("identifies high-risk patients and reduces perioperative respiratory events", "识别高危患者，减少围术期呼吸不良事件"),
            current_practice: bi(
                "Anesthetists use questionnaires at the pre-operative visit. Polysomnography has waiting lists of weeks to months, so most patients with OSA go to surgery undiagnosed.",
                "麻醉科术前访视时使用问卷筛查，多导睡眠监测需排队数周至数月，大多数阻塞性睡眠呼吸暂停患者在未确诊的情况下接受手术。"
            ),
            keywords: &[bi("obstructive sleep apnea", "阻塞性睡眠呼吸暂停"), bi("perioperative risk", "围术期风险"), bi("polysomnography", "多导睡眠监测"), bi("screening", "筛查")],
            solutions: &[
                SolutionSeed {
                    title: bi("Ring oximetry home sleep test", "指环血氧居家睡眠检测"),
                    solution: bi(
                        "A finger-ring oximeter records SpO2, pulse rate and movement for one night at home before surgery. An algorithm estimates the oxygen desaturation index and flags moderate to severe OSA for the anesthetist.",
                        "术前在家佩戴指环式血氧仪一晚，记录血氧、脉率和体动，算法估算氧减指数，为麻醉医生标记中重度阻塞性睡眠呼吸暂停。"
                    ),
                    evidence: bi("Compared with in-lab polysomnography in 55 patients at our sleep center.", "在本院睡眠中心55例患者中与实验室多导睡眠监测对照。"),
                    stage: "clinical_data",
                    keywords: &[bi("oximetry", "血氧测定"), bi("oxygen desaturation index", "氧减指数"), bi("home sleep testing", "居家睡眠监测")],
                },
                SolutionSeed {
                    title: bi("Contactless radar sleep monitor", "非接触雷达睡眠监测"),
                    solution: bi(
                        "A bedside millimeter-wave radar measures chest movement and detects apneas and hypopneas without any sensor on the body. It can be used on the ward the night before surgery.",
                        "床旁毫米波雷达测量胸廓运动，无需任何体表传感器即可识别呼吸暂停和低通气，可在术前一晚于病房使用。"
                    ),
                    evidence: bi("Bench and volunteer recordings; apnea detection compared with respiratory belts in 10 volunteers.", "完成台架和志愿者测试，在10名志愿者中与呼吸带对比呼吸暂停识别。"),
                    stage: "prototype",
                    keywords: &[bi("millimeter-wave radar", "毫米波雷达"), bi("contactless sensing", "非接触感知"), bi("apnea detection", "呼吸暂停识别")],
                },
                SolutionSeed {
                    title: bi("Post-anesthesia acoustic respiratory monitor", "麻醉后声学呼吸监测"),
                    solution: bi(
                        "An adhesive acoustic sensor on the neck monitors tracheal breath sounds in the recovery room and on the ward after surgery. It detects apneas in patients receiving opioids, whether or not OSA was diagnosed beforehand.",
                        "颈部粘贴式声学传感器在复苏室和术后病房监测气管呼吸音，识别使用阿片类药物患者的呼吸暂停，无论术前是否已确诊阻塞性睡眠呼吸暂停。"
                    ),
                    evidence: bi("Literature only.", "目前仅有文献依据。"),
                    stage: "concept",
                    keywords: &[bi("acoustic respiration monitoring", "声学呼吸监测"), bi("opioid-induced respiratory depression", "阿片类药物呼吸抑制"), bi("PACU", "麻醉复苏室")],
                },
            ],
        },
        NeedSeed {
            problem: bi("quantify air leak and drainage after lung resection", "量化肺切除术后漏气和引流量"),
            population: bi("patients after thoracoscopic lobectomy or segmentectomy", "胸腔镜肺叶或肺段切除术后患者"),
            outcome: bi("enables earlier chest tube removal and shorter hospital stay", "更早拔除胸管，缩短住院时间"),
            current_practice: bi(
                "Air leak is judged by looking at bubbles in the water seal, and fluid is read from the chamber scale. Assessment is subjective and varies between shifts, so tubes often stay in longer than needed.",
                "通过观察水封瓶气泡判断漏气，液体量从刻度读取。评估主观、各班次判断不一，胸管往往留置过久。"
            ),
            keywords: &[bi("chest drainage", "胸腔引流"), bi("air leak", "漏气"), bi("thoracic surgery", "胸外科"), bi("enhanced recovery", "加速康复")],
            solutions: &[
                SolutionSeed {
                    title: bi("Digital drainage unit with air flow sensor", "带气流传感器的数字化引流装置"),
                    solution: bi(
                        "A portable suction unit measures air flow through the drain continuously and weighs the collected fluid. Trend graphs show when air leak has stopped for a defined period, supporting an objective removal rule.",
                        "便携负压引流装置连续测量引流气流并称量引流液，趋势图显示漏气停止并持续达到规定时长，为拔管提供客观标准。"
                    ),
                    evidence: bi("A retrospective review of 260 lobectomies at our department comparing drainage time before and after digital systems were borrowed.", "回顾本科260例肺叶切除，比较借用数字化系统前后的引流时间。"),
                    stage: "clinical_data",
                    keywords: &[bi("digital chest drainage", "数字化胸腔引流"), bi("air flow measurement", "气流测量"), bi("chest tube removal", "拔除胸管"), bi("objective criteria", "客观标准")],
                },
                SolutionSeed {
                    title: bi("Clip-on bubble counter for water-seal drains", "水封瓶外挂气泡计数器"),
                    solution: bi(
                        "An optical clip-on module attaches to existing water-seal drains and counts bubbles to estimate leak volume. It turns the present equipment into a quantitative one at low cost.",
                        "光学外挂模块夹在现有水封瓶上，计数气泡并估算漏气量，以低成本将现有设备升级为可定量的设备。"
                    ),
                    evidence: bi("Bench calibration with known air flows.", "用已知气流完成台架标定。"),
                    stage: "prototype",
                    keywords: &[bi("optical sensor", "光学传感器"), bi("water seal", "水封瓶"), bi("retrofit", "加装改造")],
                },
                SolutionSeed {
                    title: bi("Ambulatory one-way valve drainage bag", "可门诊带管的单向阀引流袋"),
                    solution: bi(
                        "A lightweight bag with a one-way valve replaces the water-seal bottle for patients with a small persistent leak, allowing discharge with the tube. An indicator shows leak activity for follow-up.",
                        "带单向阀的轻便引流袋替代水封瓶，少量持续漏气的患者可带管出院，指示窗显示漏气情况供随访评估。"
                    ),
                    evidence: bi("Literature only.", "目前仅有文献依据。"),
                    stage: "idea",
                    keywords: &[bi("persistent air leak", "持续漏气"), bi("one-way valve", "单向阀"), bi("early discharge", "早期出院")],
                },
            ],
        },
    ],
    experts: &[
        ExpertSeed {
            specialty: bi("pulmonary and critical care medicine", "呼吸与危重症医学"),
            bio: bi(
                "Director of the respiratory ICU at a university hospital with 19 years in critical care. His research covers mechanical ventilation, weaning and respiratory muscle monitoring.",
                "大学附属医院呼吸重症监护室主任，从事重症医学19年，研究方向为机械通气、撤机和呼吸肌功能监测。"
            ),
            past_work: &[
                bi("Diaphragm ultrasound to predict weaning outcome, 300-patient cohort", "膈肌超声预测撤机结局，300例队列"),
                bi("Patient-ventilator asynchrony detection from waveforms", "基于波形的人机不同步识别"),
                bi("Closed-loop oxygen titration in acute respiratory failure", "急性呼吸衰竭闭环氧疗研究"),
                bi("High-flow nasal cannula after extubation, department protocol", "拔管后经鼻高流量氧疗科室方案"),
            ],
        },
        ExpertSeed {
            specialty: bi("chronic airway diseases", "慢性气道疾病"),
            bio: bi(
                "Professor of respiratory medicine heading the COPD and asthma clinic, with 21 years of practice. She focuses on inhalation therapy, exacerbation prevention and pulmonary rehabilitation.",
                "呼吸内科教授，慢阻肺与哮喘专病门诊负责人，临床工作21年，关注吸入治疗、急性加重预防及肺康复。"
            ),
            past_work: &[
                bi("Inhaler technique errors among elderly COPD patients, multicentre survey", "老年慢阻肺患者吸入技术错误多中心调查"),
                bi("Airway clearance techniques in bronchiectasis", "支气管扩张症气道廓清技术研究"),
                bi("Home oxygen therapy prescription and follow-up", "家庭氧疗处方与随访管理"),
            ],
        },
        ExpertSeed {
            specialty: bi("interventional pulmonology", "呼吸介入"),
            bio: bi(
                "Chief physician of the bronchoscopy center at a provincial hospital with 15 years of experience. He specializes in navigational bronchoscopy, EBUS and diagnosis of peripheral pulmonary nodules.",
                "省级医院支气管镜中心主任医师，从业15年，擅长导航支气管镜、超声支气管镜及周围型肺结节诊断。"
            ),
            past_work: &[
                bi("Diagnostic yield of radial EBUS-guided biopsy for peripheral nodules", "径向超声引导周围型结节活检诊断率"),
                bi("Electromagnetic navigation bronchoscopy, 400-case experience", "电磁导航支气管镜400例经验"),
                bi("AI-assisted lung nodule risk assessment in screening", "筛查中AI辅助肺结节风险评估"),
                bi("Bronchoscopic management of malignant airway stenosis", "恶性气道狭窄的支气管镜治疗"),
            ],
        },
        ExpertSeed {
            specialty: bi("sleep medicine", "睡眠医学"),
            bio: bi(
                "Head of the sleep center at a tertiary hospital with 14 years in sleep-disordered breathing. Her work covers home sleep testing, perioperative OSA and positive airway pressure therapy.",
                "三甲医院睡眠中心负责人，从事睡眠呼吸障碍诊治14年，工作涵盖居家睡眠监测、围术期睡眠呼吸暂停及气道正压通气治疗。"
            ),
            past_work: &[
                bi("Validation of home sleep apnea testing against polysomnography", "居家睡眠呼吸暂停检测与多导睡眠监测对照验证"),
                bi("Perioperative OSA screening pathway with the anesthesia department", "与麻醉科合作的围术期OSA筛查路径"),
                bi("CPAP adherence telemonitoring program", "CPAP依从性远程监测项目"),
            ],
        },
        ExpertSeed {
            specialty: bi("thoracic surgery", "胸外科"),
            bio: bi(
                "Deputy director of thoracic surgery with 17 years of experience in minimally invasive lung resection. He leads the department's enhanced recovery program and chest drainage management.",
                "胸外科副主任，从事微创肺切除17年，负责科室加速康复项目和胸腔引流管理。"
            ),
            past_work: &[
                bi("Uniportal thoracoscopic segmentectomy, 600-case series", "单孔胸腔镜肺段切除600例"),
                bi("Digital drainage and chest tube removal criteria after lobectomy", "肺叶切除术后数字化引流与拔管标准"),
                bi("Prolonged air leak risk score", "持续漏气风险评分"),
            ],
        },
    ],
    teams: &[
        TeamSeed {
            name: bi("Respiratory Therapy Devices Team", "呼吸治疗设备团队"),
            capabilities: bi(
                "Develops oxygen delivery, ventilation support and airway clearance devices. The team has expertise in gas flow control, pneumatics and respiratory sensors.",
                "开发氧疗、通气支持和气道廓清设备，擅长气体流量控制、气动设计和呼吸传感器。"
            ),
            technologies: &[
                bi("proportional flow valves", "比例流量阀"),
                bi("closed-loop SpO2 control", "血氧闭环控制"),
                bi("differential pressure flow sensing", "压差式流量检测"),
                bi("compact blower design", "小型鼓风机设计"),
                bi("breathing simulator testing", "呼吸模拟器测试"),
            ],
        },
        TeamSeed {
            name: bi("Pulmonary Diagnostics and AI Team", "肺部诊断与AI团队"),
            capabilities: bi(
                "Builds analysis software for chest CT, ventilator waveforms and sleep recordings. The team has access to multicentre labeled datasets and runs clinical validation studies.",
                "开发胸部CT、呼吸机波形和睡眠记录的分析软件，拥有多中心标注数据集，可开展临床验证研究。"
            ),
            technologies: &[
                bi("lung nodule detection and segmentation", "肺结节检测与分割"),
                bi("radiomics feature extraction", "影像组学特征提取"),
                bi("time-series waveform models", "时序波形模型"),
                bi("millimeter-wave radar signal processing", "毫米波雷达信号处理"),
            ],
        },
        TeamSeed {
            name: bi("Airway and Thoracic Interventions Team", "气道与胸部介入团队"),
            capabilities: bi(
                "Designs bronchoscopic catheters, navigation tools and chest drainage systems. The team works with optical fibers, small-diameter catheters and fluid management.",
                "设计支气管镜导管、导航工具和胸腔引流系统，擅长光纤、细径导管和流体管理技术。"
            ),
            technologies: &[
                bi("fiber Bragg grating shape sensing", "光纤布拉格光栅形状感知"),
                bi("ultrathin catheter braiding", "超细导管编织"),
                bi("airway map reconstruction from CT", "CT气道重建"),
                bi("digital suction control", "数字化负压控制"),
                bi("air flow sensing", "气流检测"),
            ],
        },
    ],
};

const UROLOGY: FieldCorpus = FieldCorpus {
    field: "urology",
    needs: &[
        NeedSeed {
            problem: bi("prevent catheter-associated urinary tract infection", "预防导尿管相关尿路感染"),
            population: bi("hospitalized patients with indwelling urinary catheters", "留置导尿管的住院患者"),
            outcome: bi("reduces infections and unnecessary catheter days", "降低感染率并减少不必要的留置天数"),
            current_practice: bi(
                "Removal depends on doctors remembering to review the catheter each day. Catheters are often left in after the indication has passed, and infection is recognized only when fever appears.",
                "拔管依赖医生每日记得评估，指征消失后导尿管仍常被遗忘留置；感染多在出现发热后才被发现。"
            ),
            keywords: &[bi("CAUTI", "导尿管相关尿路感染"), bi("indwelling catheter", "留置导尿管"), bi("catheter days", "留置天数"), bi("infection control", "感染控制")],
            solutions: &[
                SolutionSeed {
                    title: bi("Smart drainage bag with reminders and turbidity sensing", "带提醒和浊度检测的智能引流袋"),
                    solution: bi(
                        "A reusable clip-on module on the drainage bag measures urine output, turbidity and temperature and counts catheter days. It sends a daily removal-review reminder to the ward system and flags cloudy urine early.",
                        "可重复使用的外挂模块安装在引流袋上，测量尿量、浊度和温度并统计留置天数，每日向病区系统推送拔管评估提醒，并及早提示尿液浑浊。"
                    ),
                    evidence: bi("Turbidity sensing validated on 80 urine samples against urinalysis results.", "在80份尿样上与尿常规结果对照验证了浊度检测。"),
                    stage: "prototype",
                    keywords: &[bi("urine turbidity", "尿液浊度"), bi("catheter reminder", "拔管提醒"), bi("clip-on sensor", "外挂传感器"), bi("urine output", "尿量")],
                },
                SolutionSeed {
                    title: bi("Antimicrobial-releasing silicone catheter", "缓释抗菌硅胶导尿管"),
                    solution: bi(
                        "A silicone catheter with a surface layer that releases an antimicrobial agent over two weeks inhibits biofilm formation on the inner and outer walls. It targets patients who need catheters for longer periods.",
                        "硅胶导尿管表层可在两周内持续释放抗菌成分，抑制内外壁生物膜形成，主要面向需要较长时间留置的患者。"
                    ),
                    evidence: bi("In vitro bladder model: delayed biofilm formation compared with plain silicone.", "体外膀胱模型显示生物膜形成较普通硅胶导管延迟。"),
                    stage: "concept",
                    keywords: &[bi("biofilm", "生物膜"), bi("antimicrobial coating", "抗菌涂层"), bi("silicone catheter", "硅胶导尿管")],
                },
                SolutionSeed {
                    title: bi("Nurse-driven catheter removal protocol software", "护士主导的拔管流程软件"),
                    solution: bi(
                        "A module in the nursing information system lists every catheter with its indication and days in place. When no indication is recorded the nurse can remove it under protocol, with a bladder scan check afterwards.",
                        "护理信息系统中的模块列出每根导尿管的留置指征和天数；无明确指征时护士可按流程拔管，拔管后行膀胱扫描复核。"
                    ),
                    evidence: bi("Implemented on four wards of our hospital for one year; catheter days fell and CAUTI rates are being compared.", "在本院4个病区实施一年，留置天数下降，感染率正在比较。"),
                    stage: "clinical_data",
                    keywords: &[bi("nursing information system", "护理信息系统"), bi("removal protocol", "拔管流程"), bi("quality improvement", "质量改进")],
                },
            ],
        },
        NeedSeed {
            problem: bi("clear stone fragments completely while controlling intrarenal pressure", "在控制肾盂内压的同时彻底清除结石碎片"),
            population: bi("patients undergoing flexible ureteroscopic laser lithotripsy for kidney stones", "接受输尿管软镜激光碎石的肾结石患者"),
            outcome: bi("improves stone-free rates and lowers postoperative fever and sepsis", "提高结石清除率，降低术后发热和尿脓毒症"),
            current_practice: bi(
                "Stones are dusted with laser and larger fragments retrieved one by one with a basket. Residual fragments are common, and irrigation pressure inside the kidney is not measured.",
                "激光粉末化碎石后用套石篮逐个取出较大碎片，残石较常见；术中肾盂内灌注压力无法测量。"
            ),
            keywords: &[bi("flexible ureteroscopy", "输尿管软镜"), bi("laser lithotripsy", "激光碎石"), bi("intrarenal pressure", "肾盂内压"), bi("stone-free rate", "结石清除率")],
            solutions: &[
                SolutionSeed {
                    title: bi("Suction access sheath with pressure monitoring", "带压力监测的负压输尿管通道鞘"),
                    solution: bi(
                        "A ureteral access sheath with a flexible tip and a side suction port aspirates dust and small fragments during lithotripsy. A pressure sensor in the sheath keeps suction and irrigation balanced below a safe intrarenal pressure.",
                        "输尿管通道鞘前端可弯曲，侧孔连接负压，碎石过程中同步吸出粉末和小碎片；鞘内压力传感器平衡负压和灌注，使肾盂内压保持在安全范围。"
                    ),
                    evidence: bi("A retrospective review of 180 cases at our department using suction sheaths without pressure sensing; pressure module in bench testing.", "回顾本科180例使用无压力监测负压鞘的病例，压力模块正在台架测试。"),
                    stage: "clinical_data",
                    keywords: &[bi("ureteral access sheath", "输尿管通道鞘"), bi("negative pressure suction", "负压吸引"), bi("pressure sensor", "压力传感器"), bi("urosepsis", "尿脓毒症")],
                },
                SolutionSeed {
                    title: bi("Scope-tip intrarenal pressure sensor", "软镜头端肾盂内压传感器"),
                    solution: bi(
                        "A micro pressure sensor integrated at the tip of a single-use flexible ureteroscope displays intrarenal pressure continuously and controls the irrigation pump automatically. Surgeons can work with higher flow for visibility while staying under the threshold.",
                        "一次性输尿管软镜头端集成微型压力传感器，连续显示肾盂内压并自动控制灌注泵，术者可在不超阈值的前提下提高灌注流量以保证视野。"
                    ),
                    evidence: bi("Tested in 5 porcine kidneys ex vivo against a reference catheter.", "在5个离体猪肾中与参考测压导管对照测试。"),
                    stage: "prototype",
                    keywords: &[bi("single-use ureteroscope", "一次性输尿管软镜"), bi("MEMS pressure sensor", "MEMS压力传感器"), bi("irrigation control", "灌注控制")],
                },
                SolutionSeed {
                    title: bi("Endoscopic video fragment sizing software", "内镜视频碎石大小测量软件"),
                    solution: bi(
                        "Software estimates the size of stone fragments in the endoscopic view using the laser fiber as a reference scale. It tells the surgeon which fragments are small enough to pass or be suctioned and which must be basketed.",
                        "软件以激光光纤为参照标尺，估算内镜视野中碎石的大小，提示哪些碎片足够小可自行排出或吸出，哪些需要套石篮取出。"
                    ),
                    evidence: bi("Literature only.", "目前仅有文献依据。"),
                    stage: "idea",
                    keywords: &[bi("computer vision", "计算机视觉"), bi("fragment size", "碎石大小"), bi("endoscopic video", "内镜视频")],
                },
            ],
        },
        NeedSeed {
            problem: bi("know when the bladder needs emptying", "判断膀胱何时需要排空"),
            population: bi("people with neurogenic bladder after spinal cord injury", "脊髓损伤后神经源性膀胱患者"),
            outcome: bi("prevents overdistension and avoids unnecessary catheterizations", "避免膀胱过度充盈，减少不必要的导尿"),
            current_practice: bi(
                "Patients perform clean intermittent catheterization on a fixed schedule because they cannot feel bladder fullness. Bladder scanners are available only in hospitals.",
                "由于无法感知膀胱充盈，患者只能按固定时间间歇清洁导尿；膀胱容量测定仪仅在医院使用。"
            ),
            keywords: &[bi("neurogenic bladder", "神经源性膀胱"), bi("intermittent catheterization", "间歇导尿"), bi("spinal cord injury", "脊髓损伤"), bi("bladder volume", "膀胱容量")],
            solutions: &[
                SolutionSeed {
                    title: bi("Wearable ultrasound bladder patch", "可穿戴超声膀胱监测贴"),
                    solution: bi(
                        "A flexible patch with a small ultrasound transducer array on the lower abdomen estimates bladder volume every few minutes. When volume reaches the personal threshold, the phone alerts the patient to catheterize.",
                        "下腹部贴敷带小型超声阵元的柔性贴片，每隔数分钟估算膀胱容量，达到个体化阈值时手机提醒患者导尿。"
                    ),
                    evidence: bi("Volume estimates compared with catheterized volumes in 15 inpatients.", "在15例住院患者中与导出尿量对比容量估算。"),
                    stage: "prototype",
                    keywords: &[bi("wearable ultrasound", "可穿戴超声"), bi("flexible transducer", "柔性换能器"), bi("volume estimation", "容量估算"), bi("alert", "提醒")],
                },
                SolutionSeed {
                    title: bi("Near-infrared bladder fullness sensor", "近红外膀胱充盈传感器"),
                    solution: bi(
                        "A low-power near-infrared sensor detects changes in light absorption as the bladder fills with urine. It is cheaper and smaller than ultrasound, though less precise, and aims to give a simple 'time to empty' signal.",
                        "低功耗近红外传感器通过膀胱充盈时的光吸收变化进行检测，比超声更小、更便宜，精度较低，目标是给出简单的“该导尿了”提示。"
                    ),
                    evidence: bi("Literature only.", "目前仅有文献依据。"),
                    stage: "concept",
                    keywords: &[bi("near-infrared spectroscopy", "近红外光谱"), bi("low-power sensor", "低功耗传感器"), bi("bladder fullness", "膀胱充盈")],
                },
                SolutionSeed {
                    title: bi("Bladder diary app with volume prediction", "带容量预测的排尿日记应用"),
                    solution: bi(
                        "An app logs fluid intake and catheterized volumes and learns each patient's filling rate. It schedules the next catheterization adaptively rather than by the clock, and shares the diary with the rehabilitation team.",
                        "应用记录饮水量和导尿量，学习每位患者的膀胱充盈速率，自适应安排下次导尿时间而非固定时钟，并与康复团队共享排尿日记。"
                    ),
                    evidence: bi("Used by 25 patients in our spinal cord injury follow-up clinic for two months.", "本院脊髓损伤随访门诊25例患者使用两个月。"),
                    stage: "clinical_data",
                    keywords: &[bi("bladder diary", "排尿日记"), bi("fluid intake", "饮水量"), bi("adaptive scheduling", "自适应安排")],
                },
            ],
        },
        NeedSeed {
            problem: bi("biopsy the prostate accurately with a low infection risk", "以较低感染风险精准完成前列腺穿刺活检"),
            population: bi("men with elevated PSA and suspicious MRI findings", "PSA升高且MRI可疑的男性患者"),
            outcome: bi("finds clinically significant cancer while avoiding sepsis after biopsy", "检出有临床意义的前列腺癌，同时避免穿刺后脓毒症"),
            current_practice: bi(
                "Many centers still do transrectal systematic biopsies, with infections and missed anterior tumors. Fusion platforms are expensive and transperineal biopsy is usually done under general anesthesia with a template.",
                "许多中心仍采用经直肠系统穿刺，存在感染风险且易漏诊前叶肿瘤；融合平台价格昂贵，经会阴穿刺多需全麻并使用模板。"
            ),
            keywords: &[bi("prostate biopsy", "前列腺穿刺活检"), bi("transperineal", "经会阴"), bi("MRI-ultrasound fusion", "MRI-超声融合"), bi("PI-RADS", "PI-RADS")],
            solutions: &[
                SolutionSeed {
                    title: bi("Freehand transperineal access guide", "徒手经会阴穿刺引导器"),
                    solution: bi(
                        "A guide attaches to the transrectal ultrasound probe and directs a coaxial needle through two skin entry points under local anesthesia. It avoids the grid template and general anesthesia while removing the rectal route.",
                        "引导器安装在经直肠超声探头上，引导同轴针经两处皮肤进针点在局麻下完成穿刺，无需网格模板和全麻，同时避免经直肠途径。"
                    ),
                    evidence: bi("Used in 70 outpatient biopsies at our department with no infectious complications.", "本科门诊完成70例穿刺，无感染并发症。"),
                    stage: "clinical_data",
                    keywords: &[bi("local anesthesia", "局部麻醉"), bi("needle guide", "穿刺引导器"), bi("infection prevention", "感染预防"), bi("outpatient biopsy", "门诊穿刺")],
                },
                SolutionSeed {
                    title: bi("Low-cost software fusion with electromagnetic tracking", "电磁追踪低成本软件融合"),
                    solution: bi(
                        "A small electromagnetic tracker on a standard ultrasound probe lets software overlay MRI target contours on the live image. It brings targeted biopsy to hospitals that cannot afford a dedicated fusion platform.",
                        "在普通超声探头上安装小型电磁追踪器，软件将MRI靶区轮廓叠加在实时超声图像上，使无力购置专用融合平台的医院也能开展靶向穿刺。"
                    ),
                    evidence: bi("Registration accuracy tested in a prostate phantom: about 3 mm.", "在前列腺模体上测试配准精度约3毫米。"),
                    stage: "prototype",
                    keywords: &[bi("electromagnetic tracking", "电磁追踪"), bi("image registration", "图像配准"), bi("targeted biopsy", "靶向穿刺")],
                },
                SolutionSeed {
                    title: bi("AI-assisted prostate MRI reading", "AI辅助前列腺MRI阅片"),
                    solution: bi(
                        "A model detects and scores suspicious lesions on multiparametric MRI and drafts contours for biopsy planning. It supports less experienced radiologists and standardizes reporting between hospitals.",
                        "模型在多参数MRI上检测可疑病灶并评分，生成穿刺规划用的初始轮廓，辅助经验较少的影像科医生，使不同医院的报告更统一。"
                    ),
                    evidence: bi("A retrospective review of 500 MRIs with biopsy pathology at our hospital.", "回顾本院500例有穿刺病理的MRI检查。"),
                    stage: "concept",
                    keywords: &[bi("multiparametric MRI", "多参数MRI"), bi("lesion detection", "病灶检测"), bi("deep learning", "深度学习")],
                },
            ],
        },
        NeedSeed {
            problem: bi("speed recovery of urinary continence", "加快尿控功能恢复"),
            population: bi("men after radical prostatectomy", "根治性前列腺切除术后男性患者"),
            outcome: bi("shortens the period of pad dependence and improves quality of life", "缩短依赖尿垫的时间，提高生活质量"),
            current_practice: bi(
                "Pelvic floor exercises are explained verbally at discharge. Patients cannot tell whether they contract the right muscles, and progress is tracked only by asking how many pads they use.",
                "出院时口头讲解盆底肌训练，患者无法判断是否收缩了正确的肌群，恢复情况只通过询问尿垫用量了解。"
            ),
            keywords: &[bi("stress urinary incontinence", "压力性尿失禁"), bi("radical prostatectomy", "根治性前列腺切除"), bi("pelvic floor muscle training", "盆底肌训练"), bi("continence", "尿控")],
            solutions: &[
                SolutionSeed {
                    title: bi("Perineal biofeedback home trainer", "会阴部生物反馈居家训练仪"),
                    solution: bi(
                        "A small external perineal sensor measures pelvic floor contraction without an intra-anal probe. The app displays contraction strength and endurance in real time and guides a structured training program.",
                        "小型会阴部体表传感器无需肛内探头即可测量盆底肌收缩，应用实时显示收缩力量和持续时间，并引导结构化训练方案。"
                    ),
                    evidence: bi("Signal correlation with transperineal ultrasound in 12 patients.", "在12例患者中与经会阴超声进行信号相关性比较。"),
                    stage: "prototype",
                    keywords: &[bi("biofeedback", "生物反馈"), bi("pelvic floor", "盆底"), bi("home training", "居家训练"), bi("external sensor", "体表传感器")],
                },
                SolutionSeed {
                    title: bi("Soft adjustable penile compression device", "软质可调阴茎压迫装置"),
                    solution: bi(
                        "A soft silicone clamp with an adjustable pressure dial gives temporary continence during activities. Its wide contact area is designed to maintain distal blood flow better than rigid clamps.",
                        "软质硅胶夹配可调压力旋钮，在活动时提供临时尿控。宽接触面设计比硬质夹更有利于保持远端血流。"
                    ),
                    evidence: bi("Literature only; pressure distribution measured on a phantom.", "目前仅有文献依据，在模体上测量了压力分布。"),
                    stage: "concept",
                    keywords: &[bi("penile clamp", "阴茎夹"), bi("silicone", "硅胶"), bi("pressure distribution", "压力分布")],
                },
                SolutionSeed {
                    title: bi("Connected pad-weight continence tracker", "联网尿垫称重尿控追踪"),
                    solution: bi(
                        "A small kitchen-type scale connected to an app records the weight of used pads each day, giving an objective 24-hour pad test at home. Surgeons see recovery curves and can refer slow recoverers early.",
                        "与应用连接的小型称重器每日记录使用过的尿垫重量，相当于在家完成客观的24小时尿垫试验。医生可查看恢复曲线，对恢复缓慢者及早转诊。"
                    ),
                    evidence: bi("Literature only.", "目前仅有文献依据。"),
                    stage: "idea",
                    keywords: &[bi("pad test", "尿垫试验"), bi("recovery curve", "恢复曲线"), bi("remote follow-up", "远程随访")],
                },
            ],
        },
        NeedSeed {
            problem: bi("avoid forgotten ureteral stents and reduce stent-related symptoms", "避免输尿管支架管遗留并减轻支架相关症状"),
            population: bi("patients with indwelling double-J stents after endourological surgery", "腔内泌尿外科手术后留置双J管的患者"),
            outcome: bi("prevents encrustation complications and spares a second cystoscopy", "避免结壳等并发症，免除二次膀胱镜操作"),
            current_practice: bi(
                "Stent removal dates are recorded on paper or in discharge notes. Some patients are lost to follow-up and return with encrusted stents, and every removal requires cystoscopy.",
                "拔管日期记录在纸质登记本或出院小结中，部分患者失访后因支架结壳再次就诊，而每次拔管都需要膀胱镜。"
            ),
            keywords: &[bi("ureteral stent", "输尿管支架"), bi("double-J stent", "双J管"), bi("encrustation", "结壳"), bi("stent-related symptoms", "支架相关症状")],
            solutions: &[
                SolutionSeed {
                    title: bi("Stent registry with automatic reminders", "支架登记与自动提醒系统"),
                    solution: bi(
                        "Software registers every stent at insertion from the operating record and sends text reminders to the patient and the clinic before the due date. Overdue stents appear on a list for follow-up calls.",
                        "软件从手术记录自动登记每一根支架，在到期前向患者和门诊发送短信提醒，逾期未拔者进入随访电话名单。"
                    ),
                    evidence: bi("Running at our department for 18 months covering 1,100 stents; no forgotten stents since introduction.", "在本科运行18个月，覆盖1100根支架，启用以来无遗留支架。"),
                    stage: "clinical_data",
                    keywords: &[bi("stent registry", "支架登记"), bi("SMS reminder", "短信提醒"), bi("loss to follow-up", "失访")],
                },
                SolutionSeed {
                    title: bi("Magnetic-end stent with external retrieval", "磁性末端支架及体外取出器"),
                    solution: bi(
                        "The bladder end of the stent carries a small magnet. A magnetic retrieval catheter inserted through the urethra under local anesthesia captures and withdraws it in the clinic without cystoscopy.",
                        "支架膀胱端带小磁体，门诊局麻下经尿道置入磁性取出导管即可吸附取出，无需膀胱镜。"
                    ),
                    evidence: bi("Bench retrieval tests in a bladder model; biocompatibility testing planned.", "在膀胱模型中完成取出测试，生物相容性测试正在计划中。"),
                    stage: "prototype",
                    keywords: &[bi("magnetic retrieval", "磁性取出"), bi("cystoscopy-free", "免膀胱镜"), bi("outpatient procedure", "门诊操作")],
                },
                SolutionSeed {
                    title: bi("Biodegradable ureteral stent", "可降解输尿管支架"),
                    solution: bi(
                        "A stent made of a degradable polymer keeps the ureter open for two to three weeks and then dissolves and passes with urine. No removal procedure is needed and forgotten stents become impossible.",
                        "采用可降解高分子材料制成的支架，在2至3周内维持输尿管通畅，随后降解并随尿排出，无需取管，也不会遗留。"
                    ),
                    evidence: bi("Literature only; degradation profile under in vitro study.", "目前仅有文献依据，体外降解特性研究中。"),
                    stage: "idea",
                    keywords: &[bi("biodegradable polymer", "可降解高分子"), bi("degradation profile", "降解曲线"), bi("stent design", "支架设计")],
                },
            ],
        },
        NeedSeed {
            problem: bi("measure hourly urine output accurately", "准确测量每小时尿量"),
            population: bi("critically ill patients at risk of acute kidney injury", "存在急性肾损伤风险的危重症患者"),
            outcome: bi("detects oliguria earlier and saves nursing time", "更早发现少尿，节省护理时间"),
            current_practice: bi(
                "Nurses read the urometer chamber by eye every hour and write the value down. Readings are imprecise, sometimes missed during busy periods, and early oliguria goes unnoticed.",
                "护士每小时肉眼读取精密集尿袋刻度并手工记录，读数不准确，繁忙时常有遗漏，早期少尿难以及时发现。"
            ),
            keywords: &[bi("urine output", "尿量"), bi("acute kidney injury", "急性肾损伤"), bi("oliguria", "少尿"), bi("ICU nursing", "ICU护理")],
            solutions: &[
                SolutionSeed {
                    title: bi("Electronic urometer with automatic charting", "自动记录的电子尿量计"),
                    solution: bi(
                        "A weighing urometer measures urine continuously and sends hourly totals to the ICU information system. Alarms follow the KDIGO oliguria criteria and are adjusted to body weight.",
                        "称重式尿量计连续计量尿量，每小时汇总数据自动传入ICU信息系统，按体重校正后依据KDIGO少尿标准报警。"
                    ),
                    evidence: bi("Compared with manual readings in 20 ICU patients over 48 hours each.", "在20例ICU患者中各进行48小时与人工读数对照。"),
                    stage: "clinical_data",
                    keywords: &[bi("electronic urometer", "电子尿量计"), bi("KDIGO criteria", "KDIGO标准"), bi("automatic charting", "自动记录"), bi("weighing", "称重")],
                },
                SolutionSeed {
                    title: bi("Urine oxygen tension sensor", "尿氧分压传感器"),
                    solution: bi(
                        "An optical oxygen sensor in the catheter line measures bladder urine oxygen tension, which reflects renal medullary hypoxia. Falling values may warn of kidney injury hours before oliguria, especially during cardiac surgery.",
                        "导尿管路中的光学氧传感器测量膀胱尿液氧分压，可反映肾髓质缺氧。数值下降可能早于少尿数小时提示肾损伤，尤其适用于心脏手术期间。"
                    ),
                    evidence: bi("Literature only.", "目前仅有文献依据。"),
                    stage: "idea",
                    keywords: &[bi("urinary oxygen tension", "尿氧分压"), bi("medullary hypoxia", "髓质缺氧"), bi("cardiac surgery", "心脏手术")],
                },
                SolutionSeed {
                    title: bi("Drop-counting retrofit for existing urometers", "现有尿量计加装滴数计数器"),
                    solution: bi(
                        "An optical drop counter clips onto the inlet of standard urometers and converts drop counts into volume. It upgrades existing consumables at minimal cost and transmits data wirelessly.",
                        "光学滴数计数器夹装在普通集尿袋入口，将滴数换算为尿量，以极低成本升级现有耗材，并无线传输数据。"
                    ),
                    evidence: bi("Bench calibration with saline and urine-like fluids at different flow rates.", "用生理盐水和仿尿液在不同流速下完成台架标定。"),
                    stage: "prototype",
                    keywords: &[bi("drop counter", "滴数计数"), bi("retrofit", "加装改造"), bi("wireless transmission", "无线传输")],
                },
            ],
        },
    ],
    experts: &[
        ExpertSeed {
            specialty: bi("endourology and stone disease", "腔内泌尿外科与结石"),
            bio: bi(
                "Director of urology at a provincial hospital with 20 years of endourological practice. He focuses on flexible ureteroscopy, percutaneous nephrolithotomy and intrarenal pressure control.",
                "省级医院泌尿外科主任，从事腔内泌尿外科20年，专注输尿管软镜、经皮肾镜取石及肾盂内压控制。"
            ),
            past_work: &[
                bi("Suction ureteral access sheath in flexible ureteroscopy, 600-case series", "输尿管软镜负压通道鞘600例系列"),
                bi("Intrarenal pressure and postoperative fever after lithotripsy", "碎石术中肾盂内压与术后发热研究"),
                bi("Stent registry to prevent forgotten double-J stents", "防止双J管遗留的支架登记系统"),
                bi("Mini-percutaneous nephrolithotomy for large renal stones", "微通道经皮肾镜治疗大负荷肾结石"),
            ],
        },
        ExpertSeed {
            specialty: bi("urologic oncology", "泌尿系肿瘤"),
            bio: bi(
                "Professor of urology with 18 years in prostate and bladder cancer surgery. He leads the department's MRI-targeted biopsy program and research on functional recovery after radical prostatectomy.",
                "泌尿外科教授，从事前列腺癌和膀胱癌手术18年，负责科室MRI靶向穿刺项目及根治术后功能恢复研究。"
            ),
            past_work: &[
                bi("Transperineal prostate biopsy under local anesthesia, 900 cases", "局麻下经会阴前列腺穿刺900例"),
                bi("MRI-ultrasound fusion biopsy versus systematic biopsy", "MRI-超声融合穿刺与系统穿刺对比"),
                bi("Continence recovery after robot-assisted radical prostatectomy", "机器人辅助根治性前列腺切除术后尿控恢复"),
            ],
        },
        ExpertSeed {
            specialty: bi("neuro-urology and functional urology", "神经泌尿与功能泌尿"),
            bio: bi(
                "Chief physician of the urodynamics and pelvic floor center with 16 years of experience. Her work covers neurogenic bladder, incontinence and long-term bladder management after spinal cord injury.",
                "尿动力与盆底中心主任医师，从业16年，主要从事神经源性膀胱、尿失禁及脊髓损伤后长期膀胱管理。"
            ),
            past_work: &[
                bi("Bladder management and upper urinary tract protection in spinal cord injury", "脊髓损伤患者膀胱管理与上尿路保护"),
                bi("Pelvic floor biofeedback after radical prostatectomy, randomized study", "根治术后盆底生物反馈训练随机研究"),
                bi("Ambulatory urodynamic monitoring", "动态尿动力学监测"),
                bi("Wearable bladder volume monitoring, feasibility review", "可穿戴膀胱容量监测可行性综述"),
            ],
        },
        ExpertSeed {
            specialty: bi("urology nursing and catheter care", "泌尿专科护理与导管管理"),
            bio: bi(
                "Head nurse of urology and the hospital's continence care team, with 24 years of nursing practice. She leads programs on CAUTI prevention, intermittent catheterization teaching and urine output monitoring.",
                "泌尿外科护士长兼医院尿控护理小组负责人，护理工作24年，牵头导尿管相关感染预防、间歇导尿教学和尿量监测项目。"
            ),
            past_work: &[
                bi("Nurse-driven catheter removal protocol across 10 wards", "覆盖10个病区的护士主导拔管流程"),
                bi("Clean intermittent catheterization training for home care", "居家间歇清洁导尿培训"),
                bi("Accuracy of manual hourly urine output recording in the ICU", "ICU人工每小时尿量记录准确性研究"),
            ],
        },
        ExpertSeed {
            specialty: bi("urological device engineering", "泌尿器械研发"),
            bio: bi(
                "Senior R&D engineer at the company with 13 years in endoscopy and urological disposables. He leads development of single-use ureteroscopes and access sheaths.",
                "公司高级研发工程师，从事内镜及泌尿耗材研发13年，负责一次性输尿管软镜和通道鞘开发。"
            ),
            past_work: &[
                bi("Single-use digital flexible ureteroscope, CMOS tip design", "一次性电子输尿管软镜CMOS头端设计"),
                bi("Hydrophilic-coated ureteral access sheath, registration", "亲水涂层输尿管通道鞘注册"),
                bi("Irrigation pump with pressure limit control", "带压力限制的灌注泵"),
            ],
        },
    ],
    teams: &[
        TeamSeed {
            name: bi("Endourology Instruments Team", "腔内泌尿器械团队"),
            capabilities: bi(
                "Develops single-use ureteroscopes, access sheaths and lithotripsy accessories. The team integrates miniature cameras, deflection mechanisms and fluid control.",
                "开发一次性输尿管软镜、通道鞘和碎石配件，整合微型摄像头、弯曲机构和流体控制技术。"
            ),
            technologies: &[
                bi("miniature CMOS endoscope tips", "微型CMOS内镜头端"),
                bi("tendon-driven deflection", "拉线驱动弯曲"),
                bi("irrigation and suction control", "灌注与负压控制"),
                bi("MEMS pressure sensors", "MEMS压力传感器"),
                bi("nitinol stone baskets", "镍钛合金套石篮"),
            ],
        },
        TeamSeed {
            name: bi("Urinary Care Disposables Team", "泌尿护理耗材团队"),
            capabilities: bi(
                "Designs catheters, stents, drainage bags and continence products. The team has material science expertise in silicone, coatings and degradable polymers.",
                "设计导尿管、支架管、引流袋和尿控产品，在硅胶、涂层和可降解高分子材料方面具有专长。"
            ),
            technologies: &[
                bi("silicone catheter molding", "硅胶导管成型"),
                bi("antimicrobial surface treatment", "抗菌表面处理"),
                bi("biodegradable polymer processing", "可降解高分子加工"),
                bi("urine measurement sensors", "尿液计量传感器"),
            ],
        },
        TeamSeed {
            name: bi("Urological Imaging and Guidance Team", "泌尿影像与引导团队"),
            capabilities: bi(
                "Builds ultrasound-based guidance, fusion software and wearable ultrasound sensors for urology. The team has experience in transducer design and image registration.",
                "开发泌尿外科用超声引导、融合软件和可穿戴超声传感器，具备换能器设计和图像配准经验。"
            ),
            technologies: &[
                bi("flexible ultrasound transducer arrays", "柔性超声换能器阵列"),
                bi("MRI-ultrasound registration", "MRI-超声配准"),
                bi("electromagnetic tracking", "电磁追踪"),
                bi("prostate MRI deep learning", "前列腺MRI深度学习"),
                bi("needle guide design", "穿刺引导器设计"),
            ],
        },
    ],
};

const ROBOTICS: FieldCorpus = FieldCorpus {
    field: "robotics",
    needs: &[
        NeedSeed {
            problem: bi("give surgeons a sense of force during robotic tissue handling and suturing", "在机器人手术中让术者感知组织抓持和缝合的力度"),
            population: bi("patients undergoing robot-assisted laparoscopic surgery", "接受机器人辅助腹腔镜手术的患者"),
            outcome: bi("reduces tissue injury and suture breakage, especially early in the learning curve", "减少组织损伤和缝线断裂，尤其是在学习曲线早期"),
            current_practice: bi(
                "Current systems provide no force feedback, so surgeons judge tension from visual cues such as tissue blanching. Trainees tear tissue and break sutures more often until they learn these cues.",
                "现有系统没有力反馈，术者只能通过组织发白等视觉线索判断张力。低年资医生在掌握这些线索之前更容易撕裂组织、拉断缝线。"
            ),
            keywords: &[bi("haptic feedback", "力反馈"), bi("robot-assisted surgery", "机器人辅助手术"), bi("tissue injury", "组织损伤"), bi("suturing", "缝合")],
            solutions: &[
                SolutionSeed {
                    title: bi("Force-sensing instrument jaw", "测力器械钳口"),
                    solution: bi(
                        "Strain gauges in the instrument jaw and wrist measure grip and pulling forces. The console renders the force through the hand controllers and shows a color bar when a tissue-specific limit is approached. The sensor is designed to survive reprocessing.",
                        "器械钳口和腕部集成应变片，测量夹持力和牵拉力，通过主手反馈给术者，接近特定组织的力值上限时显示彩色警示条。传感器设计可耐受清洗消毒。"
                    ),
                    evidence: bi("Bench calibration and 50 autoclave cycles; force error under 0.2 N.", "完成台架标定和50次高压灭菌循环，力误差小于0.2牛。"),
                    stage: "prototype",
                    keywords: &[bi("strain gauge", "应变片"), bi("grip force", "夹持力"), bi("force rendering", "力觉再现"), bi("sterilization", "灭菌")],
                },
                SolutionSeed {
                    title: bi("Vision-based force estimation software", "基于视觉的力估计软件"),
                    solution: bi(
                        "Software estimates interaction forces from tissue deformation in the stereo endoscope image and from motor currents. No sensor is added to the instrument, so it works with existing disposable tools.",
                        "软件根据立体内镜图像中的组织形变和电机电流估计交互力，无需在器械上增加传感器，可直接用于现有一次性器械。"
                    ),
                    evidence: bi("Trained on recordings in ex vivo porcine tissue with a reference force plate; error about 20%.", "基于离体猪组织配合参考测力板采集的数据训练，误差约20%。"),
                    stage: "concept",
                    keywords: &[bi("stereo vision", "立体视觉"), bi("deformation tracking", "形变追踪"), bi("motor current", "电机电流"), bi("sensorless estimation", "无传感器估计")],
                },
                SolutionSeed {
                    title: bi("Vibrotactile suture tension cue", "缝线张力振动提示"),
                    solution: bi(
                        "A vibration motor in the hand controller pulses when estimated suture tension nears the breaking strength of the selected suture size. It is a simple substitute for full force feedback that does not disturb control stability.",
                        "主手内置振动马达，当估计的缝线张力接近所选缝线规格的断裂强度时发出脉冲提示，是一种不影响控制稳定性的简化力反馈替代方案。"
                    ),
                    evidence: bi("Literature only.", "目前仅有文献依据。"),
                    stage: "idea",
                    keywords: &[bi("vibrotactile feedback", "振动触觉反馈"), bi("suture tension", "缝线张力"), bi("sensory substitution", "感觉替代")],
                },
            ],
        },
        NeedSeed {
            problem: bi("shorten robot setup and docking", "缩短机器人摆位和对接时间"),
            population: bi("patients having robotic surgery in busy general hospitals", "在繁忙综合医院接受机器人手术的患者"),
            outcome: bi("increases operating room throughput and shortens anesthesia time", "提高手术室周转效率，缩短麻醉时间"),
            current_practice: bi(
                "Port placement and arm docking are done by hand and take 20 to 40 minutes for new teams. Suboptimal port sites lead to arm collisions that cost further time during the case.",
                "戳卡位置和机械臂对接均由人工完成，新团队需要20至40分钟；戳卡位置不理想还会导致术中机械臂碰撞，进一步耽误时间。"
            ),
            keywords: &[bi("docking time", "对接时间"), bi("port placement", "戳卡布局"), bi("operating room efficiency", "手术室效率"), bi("arm collision", "机械臂碰撞")],
            solutions: &[
                SolutionSeed {
                    title: bi("CT-based port placement planner", "基于CT的戳卡布局规划软件"),
                    solution: bi(
                        "Software reconstructs the abdominal wall and target organ from preoperative CT and simulates reach and arm collisions for candidate port layouts. It prints a skin-marking template with the recommended sites.",
                        "软件根据术前CT重建腹壁和目标器官，针对候选戳卡布局模拟器械可达范围和机械臂碰撞，并输出推荐位点的体表标记模板。"
                    ),
                    evidence: bi("A retrospective review of 60 robotic colorectal cases comparing planned and actual layouts.", "回顾60例机器人结直肠手术，比较规划布局与实际布局。"),
                    stage: "prototype",
                    keywords: &[bi("preoperative planning", "术前规划"), bi("workspace simulation", "工作空间仿真"), bi("3D reconstruction", "三维重建"), bi("CT", "CT")],
                },
                SolutionSeed {
                    title: bi("Laser-guided automatic arm docking", "激光引导自动对接"),
                    solution: bi(
                        "The patient cart projects laser targets on the patient and, once the nurse confirms the ports, motorized joints move each arm to its cannula. Nurses only make the final attachment.",
                        "床旁机械臂车向患者体表投射激光靶点，护士确认戳卡后，电动关节自动将各臂移至对应套管，护士只需完成最后的连接。"
                    ),
                    evidence: bi("Docking time measured on a mannequin with 5 nursing teams: from 18 to 7 minutes.", "在模拟人上由5组护士测试，对接时间由18分钟缩短至7分钟。"),
                    stage: "prototype",
                    keywords: &[bi("automatic docking", "自动对接"), bi("laser projection", "激光投影"), bi("motorized joints", "电动关节")],
                },
                SolutionSeed {
                    title: bi("Team setup checklist with OR time analytics", "团队摆位核查表与手术时间分析"),
                    solution: bi(
                        "A tablet app guides the bedside team through a standardized setup sequence and timestamps each step. Analytics show where time is lost across cases and teams, supporting targeted training.",
                        "平板应用引导床旁团队按标准顺序完成摆位并记录各步骤时间戳，分析不同病例和团队的耗时环节，支持针对性培训。"
                    ),
                    evidence: bi("Used for 120 cases in our robotic surgery center; median setup time fell by about a third.", "本院机器人手术中心120例使用，中位摆位时间缩短约三分之一。"),
                    stage: "clinical_data",
                    keywords: &[bi("workflow analytics", "流程分析"), bi("checklist", "核查表"), bi("team training", "团队培训")],
                },
            ],
        },
        NeedSeed {
            problem: bi("place percutaneous needles accurately with fewer CT scans", "以更少的CT扫描准确完成经皮穿刺"),
            population: bi("patients undergoing CT-guided lung or liver biopsy and ablation", "接受CT引导下肺、肝穿刺活检或消融的患者"),
            outcome: bi("reduces needle passes, complications and radiation dose", "减少进针次数、并发症和辐射剂量"),
            current_practice: bi(
                "Needles are advanced freehand with repeated CT checks after each adjustment. Deep or out-of-plane targets need many passes, raising the risk of pneumothorax and bleeding.",
                "徒手进针，每次调整后重复CT扫描确认。深部或非轴位靶点需要多次调整，增加气胸和出血风险。"
            ),
            keywords: &[bi("percutaneous intervention", "经皮介入"), bi("CT guidance", "CT引导"), bi("needle placement", "穿刺定位"), bi("radiation dose", "辐射剂量")],
            solutions: &[
                SolutionSeed {
                    title: bi("Table-mounted CT needle-guiding robot", "床旁安装的CT穿刺导向机器人"),
                    solution: bi(
                        "A compact robot mounted on the CT table aligns a needle guide to the planned trajectory after automatic registration with fiducials on the skin. The physician inserts the needle manually through the guide, keeping tactile control.",
                        "紧凑型机器人安装在CT床上，通过体表标记点自动配准后将针导向器对准规划路径，医生经导向器手动进针，保留手感控制。"
                    ),
                    evidence: bi("Phantom study: mean tip error 1.8 mm; first clinical cases in 14 lung biopsies with fewer check scans.", "模体研究平均针尖误差1.8毫米；首批14例肺穿刺临床应用，确认扫描次数减少。"),
                    stage: "clinical_data",
                    keywords: &[bi("needle guide", "针导向器"), bi("fiducial registration", "标记点配准"), bi("trajectory planning", "路径规划"), bi("lung biopsy", "肺穿刺活检")],
                },
                SolutionSeed {
                    title: bi("Respiratory motion compensation by skin markers", "基于体表标记的呼吸运动补偿"),
                    solution: bi(
                        "Optical tracking of skin markers builds a model relating breathing phase to target position. The system tells the physician when the breathing phase matches the planning scan so the needle is advanced at the right moment.",
                        "光学追踪体表标记点，建立呼吸相位与靶点位置的关系模型，在呼吸相位与规划扫描一致时提示医生进针。"
                    ),
                    evidence: bi("Tested on a moving liver phantom with programmed breathing.", "在按程序呼吸运动的肝脏模体上测试。"),
                    stage: "prototype",
                    keywords: &[bi("respiratory motion", "呼吸运动"), bi("optical tracking", "光学追踪"), bi("gating", "门控")],
                },
                SolutionSeed {
                    title: bi("Patient-mounted miniature positioning robot", "贴附患者体表的微型定位机器人"),
                    solution: bi(
                        "A small robot fixed directly on the patient's skin moves with the body, so patient motion does not cause misalignment. It orients the needle and can advance it in small steps between scans.",
                        "微型机器人直接固定在患者体表，随身体一起移动，患者移动不会导致偏差；可调整穿刺角度，并在两次扫描间小步进针。"
                    ),
                    evidence: bi("Literature only.", "目前仅有文献依据。"),
                    stage: "idea",
                    keywords: &[bi("body-mounted robot", "体表固定机器人"), bi("miniaturization", "小型化"), bi("motion robustness", "抗运动干扰")],
                },
            ],
        },
        NeedSeed {
            problem: bi("perform remote robotic surgery safely", "安全地开展远程机器人手术"),
            population: bi("patients in county hospitals who need complex surgery", "需要复杂手术的县级医院患者"),
            outcome: bi("gives access to expert surgeons without transfer", "患者无需转诊即可获得专家手术"),
            current_practice: bi(
                "Patients are transferred to city hospitals or wait for visiting experts. Telesurgery is limited by network delay and by unclear handling of connection loss.",
                "患者需转至市级医院或等待专家下乡手术。远程手术受网络延迟限制，断线时的处理机制也不明确。"
            ),
            keywords: &[bi("telesurgery", "远程手术"), bi("network latency", "网络延迟"), bi("county hospital", "县级医院"), bi("patient safety", "患者安全")],
            solutions: &[
                SolutionSeed {
                    title: bi("Latency-compensated predictive display", "延迟补偿预测显示"),
                    solution: bi(
                        "The remote console overlays a predicted instrument position on the delayed video, based on the surgeon's commands and a kinematic model. Surgeons see where the instrument will be, reducing overshoot at delays up to 200 ms.",
                        "远端控制台基于术者指令和运动学模型，在延迟视频上叠加器械的预测位置，使术者看到器械即将到达的位置，在200毫秒以内的延迟下减少过冲。"
                    ),
                    evidence: bi("Simulated delay study with 10 surgeons on dry-lab tasks.", "10名外科医生在干性实验任务中进行模拟延迟研究。"),
                    stage: "prototype",
                    keywords: &[bi("predictive display", "预测显示"), bi("latency compensation", "延迟补偿"), bi("kinematic model", "运动学模型")],
                },
                SolutionSeed {
                    title: bi("Supervised dual-console mode with local takeover", "本地接管的双控制台监督模式"),
                    solution: bi(
                        "The remote expert operates while a local surgeon at a second console can take over instantly. Network quality is monitored continuously, and the system freezes the instruments safely and hands control to the local surgeon if the link degrades.",
                        "远端专家主刀，本地医生在第二控制台随时可接管。系统持续监测网络质量，链路下降时器械安全锁定并将控制权交给本地医生。"
                    ),
                    evidence: bi("Tested in 8 animal procedures between two hospitals 300 km apart.", "在相距300公里的两家医院间完成8例动物手术测试。"),
                    stage: "clinical_data",
                    keywords: &[bi("dual console", "双控制台"), bi("handover", "控制权交接"), bi("network monitoring", "网络监测"), bi("fail-safe", "失效安全")],
                },
                SolutionSeed {
                    title: bi("Remote mentoring with telestration", "远程指导与标注"),
                    solution: bi(
                        "Instead of remote operation, the expert watches the local robotic case and draws on the surgeon's 3D view in real time. Lower bandwidth needs and no remote control make it easier to approve and scale.",
                        "专家不直接远程操作，而是观看本地机器人手术并在术者三维视野中实时标注。带宽需求低、无需远程控制，更易获批和推广。"
                    ),
                    evidence: bi("Literature only.", "目前仅有文献依据。"),
                    stage: "concept",
                    keywords: &[bi("telementoring", "远程指导"), bi("telestration", "远程标注"), bi("surgical education", "手术教学")],
                },
            ],
        },
        NeedSeed {
            problem: bi("assess robotic surgical skill objectively", "客观评估机器人手术技能"),
            population: bi("surgeons early in their robotic learning curve", "处于机器人手术学习曲线早期的外科医生"),
            outcome: bi("shortens the learning curve and protects patients during it", "缩短学习曲线，并在此期间保障患者安全"),
            current_practice: bi(
                "Credentialing relies on case numbers and subjective ratings by proctors. Simulator scores use generic tasks that do not reflect real procedures.",
                "准入主要依据手术例数和带教医生的主观评价；模拟器评分采用通用任务，与真实手术差别较大。"
            ),
            keywords: &[bi("surgical skill assessment", "手术技能评估"), bi("learning curve", "学习曲线"), bi("credentialing", "资质准入"), bi("simulation", "模拟训练")],
            solutions: &[
                SolutionSeed {
                    title: bi("Kinematic skill analytics from robot logs", "基于机器人运动数据的技能分析"),
                    solution: bi(
                        "Software extracts instrument path length, economy of motion, idle time and camera use from the robot's logs of real cases. Surgeons get a dashboard comparing their metrics with experts for the same procedure step.",
                        "软件从真实手术的机器人日志中提取器械路径长度、运动经济性、停顿时间和镜头使用情况，为术者提供与同一手术步骤专家数据对比的看板。"
                    ),
                    evidence: bi("Analysis of 150 logged prostatectomies at our center; metrics correlate with case number.", "分析本中心150例有日志记录的前列腺切除术，各指标与手术例数相关。"),
                    stage: "clinical_data",
                    keywords: &[bi("kinematic data", "运动学数据"), bi("economy of motion", "运动经济性"), bi("performance dashboard", "绩效看板")],
                },
                SolutionSeed {
                    title: bi("Procedure-specific dry-lab models", "专病干性训练模型"),
                    solution: bi(
                        "Silicone and hydrogel models replicate key steps such as urethrovesical anastomosis or renal hilum dissection, with embedded sensors detecting leaks and excessive force. They are cheaper than animal labs and reusable for parts of the task.",
                        "硅胶和水凝胶模型复刻膀胱尿道吻合、肾门解剖等关键步骤，内置传感器检测渗漏和过度用力，比动物实验便宜，部分任务可重复使用。"
                    ),
                    evidence: bi("Face validity rated by 12 surgeons at a training course.", "在培训班上由12名外科医生评价表面效度。"),
                    stage: "prototype",
                    keywords: &[bi("dry-lab model", "干性训练模型"), bi("hydrogel", "水凝胶"), bi("anastomosis training", "吻合训练")],
                },
                SolutionSeed {
                    title: bi("Video AI for surgical step and error recognition", "手术视频AI步骤与失误识别"),
                    solution: bi(
                        "A model segments recorded robotic videos into procedural steps and flags events such as bleeding or instrument collisions. Proctors review a short highlight reel instead of hours of video.",
                        "模型将机器人手术录像分割为各个手术步骤，并标记出血、器械碰撞等事件，带教医生只需查看简短的要点回放，而非数小时录像。"
                    ),
                    evidence: bi("Literature only.", "目前仅有文献依据。"),
                    stage: "idea",
                    keywords: &[bi("surgical video analysis", "手术视频分析"), bi("phase recognition", "阶段识别"), bi("proctoring", "带教评估")],
                },
            ],
        },
        NeedSeed {
            problem: bi("provide stable traction and bimanual control in endoscopic submucosal dissection", "在内镜黏膜下剥离术中提供稳定牵引和双手操作"),
            population: bi("patients with early gastrointestinal neoplasia", "早期消化道肿瘤患者"),
            outcome: bi("shortens procedure time and lowers perforation risk", "缩短手术时间，降低穿孔风险"),
            current_practice: bi(
                "Standard endoscopes have one instrument channel and no way to retract tissue. Endoscopists improvise traction with clips and threads, and difficult lesions take hours.",
                "普通内镜只有一个器械通道，无法牵拉组织。术者用钛夹加牙线等方式临时牵引，困难病变需要数小时。"
            ),
            keywords: &[bi("endoscopic submucosal dissection", "内镜黏膜下剥离术"), bi("traction", "牵引"), bi("flexible endoscopy", "软式内镜"), bi("early gastric cancer", "早期胃癌")],
            solutions: &[
                SolutionSeed {
                    title: bi("Two-arm flexible endoscopic robot", "双臂柔性内镜机器人"),
                    solution: bi(
                        "Two tendon-driven robotic arms mounted at the endoscope tip provide a grasper and a knife, controlled from a console. One arm lifts the mucosal flap while the other dissects, giving surgical-style triangulation inside the lumen.",
                        "内镜头端安装两条拉线驱动的机械臂，分别为抓钳和电刀，由控制台操控。一臂提拉黏膜瓣，另一臂剥离，在腔内实现类似外科的三角操作。"
                    ),
                    evidence: bi("ESD of 10 simulated lesions in ex vivo porcine stomachs; dissection speed compared with conventional ESD.", "在离体猪胃上完成10个模拟病变的剥离，与常规ESD比较剥离速度。"),
                    stage: "prototype",
                    keywords: &[bi("tendon-driven arms", "拉线驱动机械臂"), bi("triangulation", "三角操作"), bi("endoluminal robot", "腔内机器人"), bi("flexible robotics", "柔性机器人")],
                },
                SolutionSeed {
                    title: bi("External magnetic traction system", "体外磁锚定牵引系统"),
                    solution: bi(
                        "A small magnet clipped to the lesion edge is pulled by an external magnet held on the abdomen. The direction and force of traction can be changed at any time without extra endoscope passes.",
                        "将小磁体用钛夹固定于病变边缘，体外腹壁上的磁体对其施加牵引，可随时改变牵引方向和力度，无需再次进镜。"
                    ),
                    evidence: bi("A retrospective review of 45 gastric ESDs at our endoscopy center using an earlier magnetic prototype.", "回顾本院内镜中心使用早期磁牵引样机的45例胃ESD。"),
                    stage: "clinical_data",
                    keywords: &[bi("magnetic anchor", "磁锚定"), bi("traction direction", "牵引方向"), bi("endoscopic clip", "内镜钛夹")],
                },
                SolutionSeed {
                    title: bi("Spring-loaded detachable traction ring", "弹簧式可分离牵引环"),
                    solution: bi(
                        "A small elastic ring with two clips is deployed through the working channel, anchoring the lesion edge to the opposite wall. It is simple, single-use, and needs no extra equipment.",
                        "经工作通道释放带两枚夹子的小型弹性环，将病变边缘锚定到对侧胃壁。结构简单、一次性使用，无需额外设备。"
                    ),
                    evidence: bi("Literature only.", "目前仅有文献依据。"),
                    stage: "concept",
                    keywords: &[bi("traction device", "牵引装置"), bi("single-use", "一次性使用"), bi("elastic ring", "弹性环")],
                },
            ],
        },
        NeedSeed {
            problem: bi("see hidden tumor borders and vessels during robotic partial nephrectomy", "在机器人肾部分切除术中看清隐藏的肿瘤边界和血管"),
            population: bi("patients with small renal masses", "肾脏小肿瘤患者"),
            outcome: bi("preserves kidney function and avoids positive margins", "保护肾功能并避免切缘阳性"),
            current_practice: bi(
                "Surgeons map the tumor mentally from CT and use intraoperative ultrasound. Endophytic tumors and segmental arteries are hard to localize, so many surgeons clamp the main artery for longer than necessary.",
                "术者凭记忆将CT信息映射到术野，并借助术中超声定位。内生型肿瘤和段动脉难以定位，很多术者只能阻断主干动脉，热缺血时间偏长。"
            ),
            keywords: &[bi("partial nephrectomy", "肾部分切除"), bi("augmented reality", "增强现实"), bi("renal tumor", "肾肿瘤"), bi("warm ischemia", "热缺血")],
            solutions: &[
                SolutionSeed {
                    title: bi("AR overlay with deformation tracking", "带形变追踪的增强现实叠加"),
                    solution: bi(
                        "A 3D model of kidney, tumor and vessels from CT is registered to the endoscopic view and updated as the kidney is mobilized, using surface tracking. The overlay in the surgeon console shows the tumor depth and segmental arteries.",
                        "基于CT构建的肾脏、肿瘤和血管三维模型与内镜画面配准，并在游离肾脏过程中通过表面追踪实时更新，在术者控制台中叠加显示肿瘤深度和段动脉。"
                    ),
                    evidence: bi("Registration error assessed in 20 recorded cases offline: about 4 mm.", "在20例手术录像上离线评估配准误差约4毫米。"),
                    stage: "prototype",
                    keywords: &[bi("3D model", "三维模型"), bi("image registration", "图像配准"), bi("soft-tissue deformation", "软组织形变"), bi("surgical navigation", "手术导航")],
                },
                SolutionSeed {
                    title: bi("Drop-in robotic ultrasound probe", "机器人专用术中超声探头"),
                    solution: bi(
                        "A small ultrasound probe designed to be held by a robotic grasper is guided across the kidney surface, and the image appears picture-in-picture on the console. The surgeon controls scanning directly instead of relying on an assistant.",
                        "专为机器人抓钳夹持设计的小型超声探头在肾表面扫查，图像以画中画形式显示于控制台，术者可自主控制扫查，不再依赖助手。"
                    ),
                    evidence: bi("Used in 30 robotic partial nephrectomies at our department.", "本科30例机器人肾部分切除术中使用。"),
                    stage: "clinical_data",
                    keywords: &[bi("intraoperative ultrasound", "术中超声"), bi("drop-in probe", "可夹持探头"), bi("picture-in-picture", "画中画")],
                },
                SolutionSeed {
                    title: bi("Fluorescence-guided selective clamping", "荧光引导的选择性阻断"),
                    solution: bi(
                        "After clamping a segmental artery, a fluorescent dye injection shows which part of the kidney remains perfused. Software quantifies the ischemic area against the tumor outline to confirm that the right branch has been clamped.",
                        "阻断段动脉后注射荧光染料，显示仍有灌注的肾实质区域，软件将缺血区与肿瘤轮廓对比量化，确认阻断分支正确。"
                    ),
                    evidence: bi("Literature only.", "目前仅有文献依据。"),
                    stage: "concept",
                    keywords: &[bi("ICG fluorescence", "ICG荧光"), bi("selective clamping", "选择性阻断"), bi("perfusion imaging", "灌注成像")],
                },
            ],
        },
    ],
    experts: &[
        ExpertSeed {
            specialty: bi("robotic urologic surgery", "机器人泌尿外科"),
            bio: bi(
                "Director of the robotic surgery center at a university hospital with more than 1,500 robotic cases over 12 years. His focus is robotic partial nephrectomy, radical prostatectomy and surgical navigation.",
                "大学附属医院机器人手术中心主任，12年累计完成机器人手术逾1500例，专注机器人肾部分切除、根治性前列腺切除及手术导航。"
            ),
            past_work: &[
                bi("Augmented reality navigation in robotic partial nephrectomy", "机器人肾部分切除术中增强现实导航"),
                bi("Segmental artery clamping guided by 3D reconstruction, 200 cases", "三维重建指导段动脉阻断200例"),
                bi("Learning curve of robotic prostatectomy analyzed with console kinematics", "基于控制台运动数据的机器人前列腺切除学习曲线分析"),
                bi("Multicentre telesurgery feasibility study", "多中心远程手术可行性研究"),
            ],
        },
        ExpertSeed {
            specialty: bi("robotic colorectal and general surgery", "机器人结直肠与普通外科"),
            bio: bi(
                "Chief physician of colorectal surgery with 17 years of experience, leading the department's transition to robotic surgery. She works on operating room efficiency, docking workflow and haptic-free tissue handling.",
                "结直肠外科主任医师，从业17年，带领科室开展机器人手术。关注手术室效率、对接流程及无力反馈条件下的组织操作。"
            ),
            past_work: &[
                bi("Robotic total mesorectal excision, 400-case outcomes", "机器人全直肠系膜切除400例结局"),
                bi("Standardized docking workflow reducing setup time", "标准化对接流程缩短摆位时间"),
                bi("Tissue injury with robotic graspers, ex vivo study", "机器人抓钳组织损伤离体研究"),
            ],
        },
        ExpertSeed {
            specialty: bi("therapeutic endoscopy", "消化内镜治疗"),
            bio: bi(
                "Head of the endoscopy center at a provincial hospital, 16 years performing ESD and endoscopic full-thickness resection. He develops traction methods and tests flexible robotic endoscopes.",
                "省级医院内镜中心主任，从事ESD及内镜全层切除16年，致力于牵引方法研究并参与柔性内镜机器人测试。"
            ),
            past_work: &[
                bi("Magnetic anchor-guided ESD for gastric lesions", "磁锚定辅助胃ESD"),
                bi("Traction strategies for colorectal ESD, comparative study", "结直肠ESD牵引策略对比研究"),
                bi("Preclinical evaluation of a dual-arm endoscopic robot", "双臂内镜机器人临床前评价"),
            ],
        },
        ExpertSeed {
            specialty: bi("image-guided percutaneous intervention", "影像引导经皮介入"),
            bio: bi(
                "Professor of interventional radiology with 20 years in CT-guided procedures and tumor ablation. His research covers robotic needle guidance and respiratory motion management.",
                "介入放射学教授，从事CT引导介入和肿瘤消融20年，研究方向为机器人穿刺导向和呼吸运动管理。"
            ),
            past_work: &[
                bi("Robot-assisted CT-guided lung biopsy, prospective study", "机器人辅助CT引导肺穿刺前瞻性研究"),
                bi("Radiation dose reduction in CT-guided interventions", "CT引导介入辐射剂量控制"),
                bi("Microwave ablation of liver tumors near the diaphragm", "近膈顶肝肿瘤微波消融"),
                bi("Respiratory gating for percutaneous needle placement", "经皮穿刺呼吸门控技术"),
            ],
        },
        ExpertSeed {
            specialty: bi("medical robotics and control engineering", "医疗机器人与控制工程"),
            bio: bi(
                "Principal R&D engineer at the company with 15 years in surgical robot development. He leads the teleoperation control, force sensing and safety architecture of the company's robotic platform.",
                "公司首席研发工程师，从事手术机器人开发15年，负责公司机器人平台的遥操作控制、力感知和安全架构。"
            ),
            past_work: &[
                bi("Master-slave teleoperation with latency compensation", "带延迟补偿的主从遥操作"),
                bi("Six-axis force sensor for surgical instruments, patents", "手术器械六维力传感器，相关专利"),
                bi("Functional safety design of a laparoscopic robot to IEC 80601-2-77", "按IEC 80601-2-77开展腹腔镜机器人功能安全设计"),
            ],
        },
    ],
    teams: &[
        TeamSeed {
            name: bi("Surgical Robot Platform Team", "手术机器人平台团队"),
            capabilities: bi(
                "Develops the arms, instruments and console of the laparoscopic robot. The team covers kinematics, servo control, instrument wrists and functional safety.",
                "负责腹腔镜机器人机械臂、器械和控制台开发，覆盖运动学、伺服控制、器械腕部设计和功能安全。"
            ),
            technologies: &[
                bi("remote center of motion mechanisms", "远心运动机构"),
                bi("servo motor control", "伺服电机控制"),
                bi("cable-driven instrument wrists", "线驱动器械腕部"),
                bi("force and torque sensing", "力与力矩感知"),
                bi("teleoperation over networks", "网络遥操作"),
                bi("functional safety engineering", "功能安全工程"),
            ],
        },
        TeamSeed {
            name: bi("Surgical Navigation and AR Team", "手术导航与增强现实团队"),
            capabilities: bi(
                "Builds planning, registration and augmented reality software for robotic and percutaneous procedures. The team integrates CT, ultrasound and endoscopic video.",
                "开发用于机器人和经皮手术的规划、配准和增强现实软件，整合CT、超声和内镜视频。"
            ),
            technologies: &[
                bi("3D anatomical reconstruction", "三维解剖重建"),
                bi("optical and electromagnetic tracking", "光学与电磁追踪"),
                bi("deformable registration", "可形变配准"),
                bi("surgical video analytics", "手术视频分析"),
                bi("stereo endoscope rendering", "立体内镜渲染"),
            ],
        },
        TeamSeed {
            name: bi("Flexible and Endoluminal Robotics Team", "柔性与腔内机器人团队"),
            capabilities: bi(
                "Develops flexible robotic endoscopes, continuum instruments and magnetic manipulation systems. The team prototypes quickly with 3D printing and tests in ex vivo organs.",
                "开发柔性内镜机器人、连续体器械和磁操控系统，借助3D打印快速制作样机，并在离体器官上测试。"
            ),
            technologies: &[
                bi("continuum robot design", "连续体机器人设计"),
                bi("tendon-driven actuation", "拉线驱动"),
                bi("magnetic actuation", "磁驱动"),
                bi("miniature instrument fabrication", "微型器械制造"),
            ],
        },
    ],
};

const ORTHOPAEDICS: FieldCorpus = FieldCorpus {
    field: "orthopaedics",
    needs: &[
        NeedSeed {
            problem: bi("place pedicle screws accurately", "精准置入椎弓根螺钉"),
            population: bi("patients with spinal deformity or osteoporotic fractures undergoing posterior fixation", "接受后路固定的脊柱畸形或骨质疏松性骨折患者"),
            outcome: bi("avoids neurological injury and screw loosening while reducing radiation to staff", "避免神经损伤和螺钉松动，同时减少医护人员辐射暴露"),
            current_practice: bi(
                "Most screws are placed freehand with repeated fluoroscopy. Breach rates rise in rotated or small pedicles, and navigation systems are too expensive for many hospitals.",
                "多数螺钉在反复透视下徒手置入，椎体旋转或椎弓根细小时穿破率明显增加；导航系统价格高，很多医院难以配置。"
            ),
            keywords: &[bi("pedicle screw", "椎弓根螺钉"), bi("spinal deformity", "脊柱畸形"), bi("screw malposition", "螺钉误置"), bi("fluoroscopy", "透视")],
            solutions: &[
                SolutionSeed {
                    title: bi("Patient-specific 3D-printed drill guides", "个性化3D打印导航模板"),
                    solution: bi(
                        "Guides designed from the preoperative CT fit onto the laminae and spinous process of each vertebra and direct the drill along the planned trajectory. They cost far less than navigation and need no intraoperative imaging beyond a final check.",
                        "根据术前CT为每个椎体设计贴合椎板和棘突的导板，引导钻头沿规划路径置钉。成本远低于导航系统，术中除最终确认外无需额外影像。"
                    ),
                    evidence: bi("A retrospective review of 85 scoliosis cases at our department; breach rate compared with freehand cases.", "回顾本科85例脊柱侧弯手术，与徒手置钉病例比较穿破率。"),
                    stage: "clinical_data",
                    keywords: &[bi("3D printing", "3D打印"), bi("patient-specific guide", "个性化导板"), bi("trajectory planning", "钉道规划"), bi("scoliosis", "脊柱侧弯")],
                },
                SolutionSeed {
                    title: bi("Conductivity-sensing pedicle probe", "电导感知椎弓根探子"),
                    solution: bi(
                        "A handheld pedicle probe measures electrical conductivity at its tip. Cancellous bone, cortical wall and soft tissue give different readings, and an audible tone warns before the tip breaches the cortex.",
                        "手持式椎弓根探子测量尖端电导率，松质骨、皮质骨壁和软组织读数不同，尖端即将穿破皮质时发出提示音。"
                    ),
                    evidence: bi("Tested in 40 pedicles of cadaveric spines with CT confirmation.", "在尸体脊柱40个椎弓根上测试，并经CT确认。"),
                    stage: "prototype",
                    keywords: &[bi("electrical conductivity", "电导率"), bi("breach detection", "穿破预警"), bi("handheld instrument", "手持器械")],
                },
                SolutionSeed {
                    title: bi("Fluoroscopy-to-CT registration navigation", "透视-CT配准导航"),
                    solution: bi(
                        "Software registers two standard fluoroscopy shots to the preoperative CT and overlays the planned screw trajectory on the live C-arm image. It turns an existing C-arm into a low-cost navigation tool without an intraoperative CT.",
                        "软件将两幅标准透视图像与术前CT配准，在实时C臂图像上叠加规划钉道，无需术中CT即可将现有C臂升级为低成本导航工具。"
                    ),
                    evidence: bi("Registration accuracy tested in 6 spine phantoms.", "在6个脊柱模体上测试配准精度。"),
                    stage: "concept",
                    keywords: &[bi("2D-3D registration", "二维-三维配准"), bi("C-arm", "C臂"), bi("low-cost navigation", "低成本导航")],
                },
            ],
        },
        NeedSeed {
            problem: bi("monitor fracture healing objectively", "客观监测骨折愈合进程"),
            population: bi("patients with tibial shaft fractures", "胫骨干骨折患者"),
            outcome: bi("identifies nonunion early and guides safe weight-bearing", "及早识别骨不连，指导安全负重"),
            current_practice: bi(
                "Healing is judged on radiographs every six weeks, and readers disagree on callus bridging. Nonunion is often diagnosed months late, and weight-bearing advice is conservative.",
                "每6周拍片判断愈合，不同医生对骨痂桥接的判断差异大。骨不连往往数月后才确诊，负重建议也偏保守。"
            ),
            keywords: &[bi("fracture healing", "骨折愈合"), bi("nonunion", "骨不连"), bi("tibial fracture", "胫骨骨折"), bi("weight-bearing", "负重")],
            solutions: &[
                SolutionSeed {
                    title: bi("Wireless strain sensor on the implant", "内植物无线应变传感器"),
                    solution: bi(
                        "A passive strain sensor attached to the plate or nail is read wirelessly through the skin. As the bone heals it takes over load, and implant strain falls. The falling curve tracks healing weeks before radiographic bridging.",
                        "附着于钢板或髓内钉的无源应变传感器可经皮无线读取。骨愈合过程中骨骼逐步分担载荷，内植物应变随之下降，这一曲线可比影像学桥接早数周反映愈合。"
                    ),
                    evidence: bi("Sheep tibia osteotomy model in 6 animals; strain fell in parallel with callus stiffness.", "6只绵羊胫骨截骨模型中，应变下降与骨痂刚度增加同步。"),
                    stage: "prototype",
                    keywords: &[bi("smart implant", "智能内植物"), bi("strain gauge", "应变片"), bi("wireless telemetry", "无线遥测"), bi("load sharing", "载荷分担")],
                },
                SolutionSeed {
                    title: bi("Load-sensing external fixator struts", "测力外固定架连杆"),
                    solution: bi(
                        "Replacement struts for circular external fixators contain load cells and log forces during walking. Patients and surgeons see how much load passes through the fixator versus the bone, supporting progressive dynamization.",
                        "环形外固定架的替换连杆内置测力传感器，记录行走时的受力，帮助医患了解载荷经外固定架与骨骼的分配比例，指导逐步动力化。"
                    ),
                    evidence: bi("Used in 9 patients in our limb reconstruction clinic.", "本院肢体重建门诊9例患者使用。"),
                    stage: "clinical_data",
                    keywords: &[bi("external fixator", "外固定架"), bi("load cell", "测力传感器"), bi("dynamization", "动力化")],
                },
                SolutionSeed {
                    title: bi("AI radiographic healing score", "AI影像愈合评分"),
                    solution: bi(
                        "A model scores cortical bridging on each of four cortices on AP and lateral radiographs and tracks the score over visits. It standardizes assessment and flags stalled healing.",
                        "模型在正侧位X线片上对四层皮质的桥接情况逐一评分，并追踪多次复查的评分变化，使评估标准化并提示愈合停滞。"
                    ),
                    evidence: bi("Literature only; labeling of 1,200 radiographs is underway.", "目前仅有文献依据，1200幅X线片的标注正在进行。"),
                    stage: "idea",
                    keywords: &[bi("radiograph analysis", "X线片分析"), bi("cortical bridging", "皮质桥接"), bi("deep learning", "深度学习")],
                },
            ],
        },
        NeedSeed {
            problem: bi("provide effective preoperative pain relief without opioids", "术前实现有效的非阿片类镇痛"),
            population: bi("elderly patients with hip fracture in the emergency department", "急诊科老年髋部骨折患者"),
            outcome: bi("reduces delirium and opioid side effects while waiting for surgery", "在等待手术期间减少谵妄和阿片类药物不良反应"),
            current_practice: bi(
                "Patients mostly receive intravenous opioids. Fascia iliaca blocks work well but need ultrasound skills that are not available around the clock in the emergency department.",
                "患者多接受静脉阿片类镇痛。髂筋膜阻滞效果好，但需要超声技术，急诊科无法全天候开展。"
            ),
            keywords: &[bi("hip fracture", "髋部骨折"), bi("fascia iliaca block", "髂筋膜阻滞"), bi("delirium", "谵妄"), bi("geriatric trauma", "老年创伤")],
            solutions: &[
                SolutionSeed {
                    title: bi("Pressure-sensing block needle kit", "压力感知神经阻滞穿刺套件"),
                    solution: bi(
                        "A kit with a blunt needle connected to an inline pressure sensor signals the two fascial 'pops' and the loss of resistance at the correct plane. It supports landmark-based blocks when ultrasound or a skilled operator is not available.",
                        "套件包含钝头穿刺针和在线压力传感器，提示穿过两层筋膜的突破感和到达正确层面时的阻力消失，在无超声或无熟练操作者时辅助体表定位阻滞。"
                    ),
                    evidence: bi("Bench tests in layered tissue phantoms; pressure signatures reproducible.", "在分层组织模体上完成台架测试，压力特征可重复。"),
                    stage: "prototype",
                    keywords: &[bi("loss of resistance", "阻力消失"), bi("pressure sensor", "压力传感器"), bi("landmark technique", "体表定位技术")],
                },
                SolutionSeed {
                    title: bi("AI ultrasound guidance for emergency physicians", "面向急诊医生的AI超声引导"),
                    solution: bi(
                        "An app on a handheld ultrasound labels the fascia iliaca, iliacus muscle and femoral nerve in real time and shows where to aim the needle. It lets non-specialist doctors perform the block safely after brief training.",
                        "掌上超声应用实时标注髂筋膜、髂肌和股神经，并提示进针目标，使非麻醉专科医生经简短培训后即可安全完成阻滞。"
                    ),
                    evidence: bi("Labeling accuracy tested on 300 images; 8 emergency doctors trained in a simulation course.", "在300幅图像上测试标注准确率，8名急诊医生完成模拟培训。"),
                    stage: "concept",
                    keywords: &[bi("point-of-care ultrasound", "床旁超声"), bi("anatomy recognition", "解剖识别"), bi("regional anesthesia", "区域麻醉")],
                },
                SolutionSeed {
                    title: bi("Hip fracture positioning and traction cushion", "髋部骨折体位牵引垫"),
                    solution: bi(
                        "An inflatable cushion keeps the injured leg in slight flexion and neutral rotation with gentle traction during transfers and imaging. Reducing fracture movement lowers pain without any drug.",
                        "充气垫在转运和检查期间使患肢保持轻度屈曲、中立旋转并施加轻柔牵引，减少骨折端活动，从而在不用药的情况下减轻疼痛。"
                    ),
                    evidence: bi("Used with 50 patients in our emergency department; pain scores during transfer recorded.", "本院急诊50例患者使用，记录了转运时的疼痛评分。"),
                    stage: "clinical_data",
                    keywords: &[bi("immobilization", "制动"), bi("patient transfer", "患者转运"), bi("non-pharmacological analgesia", "非药物镇痛")],
                },
            ],
        },
        NeedSeed {
            problem: bi("balance soft tissues objectively in knee replacement", "在膝关节置换中客观评估软组织平衡"),
            population: bi("patients undergoing total knee arthroplasty", "接受全膝关节置换的患者"),
            outcome: bi("reduces residual pain and revisions for instability", "减少术后残留疼痛和因不稳定导致的翻修"),
            current_practice: bi(
                "Surgeons assess balance by feel with spacer blocks and trial components. Assessment is subjective and a notable share of patients remain dissatisfied after surgery.",
                "术者凭手感借助间隙块和试模评估平衡，主观性强，相当一部分患者术后仍不满意。"
            ),
            keywords: &[bi("total knee arthroplasty", "全膝关节置换"), bi("soft tissue balance", "软组织平衡"), bi("joint instability", "关节不稳"), bi("patient satisfaction", "患者满意度")],
            solutions: &[
                SolutionSeed {
                    title: bi("Instrumented tibial trial insert", "带传感器的胫骨试模垫片"),
                    solution: bi(
                        "A trial insert with embedded load sensors measures medial and lateral compartment forces and contact points through the range of motion. A tablet shows whether the knee is balanced before final components are implanted.",
                        "试模垫片内置载荷传感器，测量全活动范围内内外侧间室压力和接触点，平板电脑在植入最终假体前显示膝关节是否平衡。"
                    ),
                    evidence: bi("Used in 40 TKAs at our department; compartment load differences recorded before and after releases.", "本科40例全膝置换中使用，记录了松解前后的间室载荷差。"),
                    stage: "clinical_data",
                    keywords: &[bi("load sensor", "载荷传感器"), bi("compartment pressure", "间室压力"), bi("trial insert", "试模垫片"), bi("ligament release", "韧带松解")],
                },
                SolutionSeed {
                    title: bi("Motorized ligament tensor", "电动韧带张力器"),
                    solution: bi(
                        "A motorized tensor inserted between femur and tibia applies a defined distraction force and measures the resulting gap in flexion and extension. Bone cuts are then planned to give equal gaps at equal tension.",
                        "电动张力器置于股骨与胫骨之间，施加设定的撑开力，测量屈伸位间隙，据此规划截骨，使相同张力下间隙一致。"
                    ),
                    evidence: bi("Cadaver testing in 6 knees.", "在6个尸体膝关节上测试。"),
                    stage: "prototype",
                    keywords: &[bi("gap balancing", "间隙平衡"), bi("distraction force", "撑开力"), bi("motorized instrument", "电动器械")],
                },
                SolutionSeed {
                    title: bi("Imageless inertial alignment system", "无影像惯性对线系统"),
                    solution: bi(
                        "Small inertial sensors attached to cutting guides find the hip center by leg rotation and report alignment of each cut. It gives navigation-level alignment data at the cost of a disposable kit.",
                        "安装在截骨导向器上的小型惯性传感器通过旋转下肢确定髋关节中心，并报告每一步截骨的对线，以一次性套件的成本获得接近导航的对线数据。"
                    ),
                    evidence: bi("Literature only.", "目前仅有文献依据。"),
                    stage: "idea",
                    keywords: &[bi("inertial sensor", "惯性传感器"), bi("limb alignment", "下肢力线"), bi("cutting guide", "截骨导向器")],
                },
            ],
        },
        NeedSeed {
            problem: bi("diagnose periprosthetic joint infection quickly and accurately", "快速、准确地诊断假体周围感染"),
            population: bi("patients with a painful hip or knee replacement", "髋膝关节置换术后疼痛的患者"),
            outcome: bi("avoids unnecessary revision and prevents missed infection", "避免不必要的翻修，防止漏诊感染"),
            current_practice: bi(
                "Diagnosis combines serum markers, aspirate cell counts and cultures that take days. Cultures are negative in a share of true infections, and decisions in theatre are made with incomplete information.",
                "诊断依赖血清学指标、关节液细胞计数和需数日的培养，部分真实感染培养阴性，术中往往在信息不完整的情况下作决策。"
            ),
            keywords: &[bi("periprosthetic joint infection", "假体周围感染"), bi("synovial fluid", "关节液"), bi("revision arthroplasty", "翻修手术"), bi("biomarker", "生物标志物")],
            solutions: &[
                SolutionSeed {
                    title: bi("Lateral flow synovial biomarker test", "关节液生物标志物侧流检测"),
                    solution: bi(
                        "A test strip detects an antimicrobial peptide released by neutrophils in synovial fluid within ten minutes. It can be used at the bedside or in theatre and is not affected by prior antibiotics.",
                        "试纸条可在10分钟内检测关节液中中性粒细胞释放的抗菌肽，适用于床旁或术中，不受既往抗生素使用影响。"
                    ),
                    evidence: bi("Tested on 70 stored synovial samples against final infection diagnosis.", "在70份冻存关节液样本上与最终感染诊断对照测试。"),
                    stage: "prototype",
                    keywords: &[bi("lateral flow assay", "侧流免疫层析"), bi("point-of-care test", "即时检测"), bi("neutrophil biomarker", "中性粒细胞标志物")],
                },
                SolutionSeed {
                    title: bi("Smartphone microscope synovial cell counter", "手机显微关节液细胞计数"),
                    solution: bi(
                        "A disposable counting chamber and a clip-on lens turn a smartphone into a microscope. Software counts white cells and the neutrophil percentage in the aspirate within minutes, without a laboratory.",
                        "一次性计数板配合外夹镜头将手机变成显微镜，软件在数分钟内完成关节液白细胞计数及中性粒细胞百分比分析，无需实验室。"
                    ),
                    evidence: bi("Literature only.", "目前仅有文献依据。"),
                    stage: "idea",
                    keywords: &[bi("cell counting", "细胞计数"), bi("smartphone microscopy", "手机显微成像"), bi("image analysis", "图像分析")],
                },
                SolutionSeed {
                    title: bi("Multi-marker infection probability calculator", "多指标感染概率计算软件"),
                    solution: bi(
                        "Software combines serum markers, synovial results, imaging and clinical signs into a probability of infection according to current diagnostic criteria. It shows which additional test would change the decision most.",
                        "软件依据现行诊断标准，综合血清学指标、关节液结果、影像和临床表现计算感染概率，并提示哪项补充检查最有可能改变决策。"
                    ),
                    evidence: bi("A retrospective review of 230 revision cases at our joint center.", "回顾本院关节中心230例翻修病例。"),
                    stage: "clinical_data",
                    keywords: &[bi("diagnostic criteria", "诊断标准"), bi("decision support", "决策支持"), bi("probability model", "概率模型")],
                },
            ],
        },
        NeedSeed {
            problem: bi("identify and treat osteoporosis after a first fragility fracture", "在首次脆性骨折后识别并治疗骨质疏松"),
            population: bi("older adults treated for wrist, vertebral or hip fractures", "因腕部、椎体或髋部骨折就诊的老年人"),
            outcome: bi("raises treatment rates and prevents the next fracture", "提高抗骨质疏松治疗率，预防再次骨折"),
            current_practice: bi(
                "Fracture care ends when the bone heals. Few patients get a DXA scan, and without a fracture liaison service most never start anti-osteoporosis treatment.",
                "骨折愈合后诊疗即告结束，很少患者做双能X线骨密度检查；缺乏骨折联络服务，多数患者从未开始抗骨质疏松治疗。"
            ),
            keywords: &[bi("osteoporosis", "骨质疏松"), bi("fragility fracture", "脆性骨折"), bi("secondary prevention", "二级预防"), bi("bone mineral density", "骨密度")],
            solutions: &[
                SolutionSeed {
                    title: bi("Opportunistic CT bone density software", "CT机会性骨密度筛查软件"),
                    solution: bi(
                        "Software measures vertebral bone density on CT scans already taken for other reasons, such as trauma or abdominal imaging. Low values automatically trigger a referral note for osteoporosis assessment.",
                        "软件在因创伤或腹部检查等其他原因已完成的CT上测量椎体骨密度，数值偏低时自动生成骨质疏松评估转诊提示。"
                    ),
                    evidence: bi("Compared with DXA in 400 patients who had both within six months at our hospital.", "在本院6个月内同时做过CT和DXA的400例患者中进行对照。"),
                    stage: "clinical_data",
                    keywords: &[bi("opportunistic screening", "机会性筛查"), bi("CT attenuation", "CT值"), bi("automatic referral", "自动转诊")],
                },
                SolutionSeed {
                    title: bi("Bedside ultrasound bone density device", "床旁超声骨密度检测仪"),
                    solution: bi(
                        "A portable device uses radiofrequency ultrasound signals at the lumbar spine and hip to estimate bone density without radiation. It can be used on the ward or in the fracture clinic on the day of the visit.",
                        "便携设备利用腰椎和髋部的射频超声信号估算骨密度，无辐射，可在病房或骨折门诊当天完成检查。"
                    ),
                    evidence: bi("Literature only; a comparison study with DXA is planned.", "目前仅有文献依据，计划开展与DXA的对照研究。"),
                    stage: "concept",
                    keywords: &[bi("quantitative ultrasound", "定量超声"), bi("radiation-free", "无辐射"), bi("portable device", "便携设备")],
                },
                SolutionSeed {
                    title: bi("Fracture liaison tracking platform", "骨折联络服务追踪平台"),
                    solution: bi(
                        "A platform identifies fragility fracture patients from admission and outpatient records and tracks each through assessment, treatment start and one-year adherence. A coordinator nurse works from its task list.",
                        "平台从住院和门诊记录中识别脆性骨折患者，追踪其评估、开始治疗和一年用药依从情况，联络护士依据任务清单开展工作。"
                    ),
                    evidence: bi("Pilot in our orthopaedic department with 150 patients over one year.", "本院骨科试点一年，纳入150例患者。"),
                    stage: "prototype",
                    keywords: &[bi("fracture liaison service", "骨折联络服务"), bi("care coordination", "诊疗协调"), bi("treatment adherence", "治疗依从性")],
                },
            ],
        },
        NeedSeed {
            problem: bi("immobilize fractures comfortably while watching the skin", "舒适地固定骨折并监测皮肤状况"),
            population: bi("children with forearm fractures treated in casts", "采用石膏固定的儿童前臂骨折患者"),
            outcome: bi("prevents pressure sores and reduces unplanned clinic visits", "预防压疮，减少计划外复诊"),
            current_practice: bi(
                "Plaster or fiberglass casts are heavy, itchy and cannot get wet. Pressure sores under the cast are invisible, and worried parents bring children back for unplanned checks.",
                "石膏或玻璃纤维管型笨重、瘙痒、不能沾水，管型下的压疮无法看到，家长担心时常带孩子计划外复诊。"
            ),
            keywords: &[bi("cast immobilization", "石膏固定"), bi("pediatric fracture", "儿童骨折"), bi("pressure sore", "压疮"), bi("forearm fracture", "前臂骨折")],
            solutions: &[
                SolutionSeed {
                    title: bi("3D-printed ventilated waterproof cast", "3D打印镂空防水支具"),
                    solution: bi(
                        "The arm is scanned with a handheld 3D scanner and a lattice cast is printed in about an hour. The open structure lets the skin breathe and be inspected, and the cast can get wet.",
                        "用手持三维扫描仪扫描前臂，约一小时打印出镂空网格支具。开放结构透气、可直接观察皮肤，且可以沾水。"
                    ),
                    evidence: bi("Used for 30 stable distal radius fractures in our pediatric clinic; no loss of reduction.", "本院儿科门诊30例稳定型桡骨远端骨折使用，无复位丢失。"),
                    stage: "clinical_data",
                    keywords: &[bi("3D scanning", "三维扫描"), bi("lattice structure", "镂空网格"), bi("waterproof", "防水"), bi("additive manufacturing", "增材制造")],
                },
                SolutionSeed {
                    title: bi("Sensor liner for pressure and temperature", "压力温度传感内衬"),
                    solution: bi(
                        "A thin liner under a conventional cast carries pressure and temperature sensors at bony prominences. A phone app alerts parents and the clinic to sustained high pressure or local warmth that suggests a sore.",
                        "在普通管型下放置薄型内衬，在骨突部位布置压力和温度传感器，持续高压或局部温度升高提示可能形成压疮时，手机应用提醒家长和门诊。"
                    ),
                    evidence: bi("Literature only.", "目前仅有文献依据。"),
                    stage: "idea",
                    keywords: &[bi("pressure monitoring", "压力监测"), bi("skin temperature", "皮温"), bi("parent app", "家长端应用")],
                },
                SolutionSeed {
                    title: bi("Remoldable low-temperature thermoplastic splint", "可重塑低温热塑夹板"),
                    solution: bi(
                        "Prefabricated splints of low-temperature thermoplastic are molded directly on the child after warming in water. They can be reshaped when swelling subsides and removed for skin checks.",
                        "预制低温热塑夹板经热水软化后直接在患儿身上塑形，肿胀消退后可重新塑形，并可拆下检查皮肤。"
                    ),
                    evidence: bi("Fitting trials on 10 volunteers; material testing for stiffness.", "在10名志愿者上试戴，并完成材料刚度测试。"),
                    stage: "prototype",
                    keywords: &[bi("thermoplastic", "热塑材料"), bi("adjustable splint", "可调夹板"), bi("swelling", "肿胀")],
                },
            ],
        },
    ],
    experts: &[
        ExpertSeed {
            specialty: bi("spine surgery", "脊柱外科"),
            bio: bi(
                "Director of spine surgery at a university hospital with 22 years in deformity and degenerative spine surgery. He focuses on pedicle screw accuracy, navigation and 3D-printed guides.",
                "大学附属医院脊柱外科主任，从事脊柱畸形及退变性疾病手术22年，关注椎弓根螺钉精准置入、导航和3D打印导板。"
            ),
            past_work: &[
                bi("3D-printed drill templates in adolescent idiopathic scoliosis, 150 cases", "3D打印导板在青少年特发性脊柱侧弯中的应用，150例"),
                bi("Pedicle screw breach rates with freehand versus navigated techniques", "徒手与导航置钉穿破率比较"),
                bi("Cement-augmented screws in osteoporotic spine", "骨质疏松脊柱骨水泥强化螺钉"),
                bi("Radiation exposure of spine surgeons, department audit", "脊柱外科医生辐射暴露科室评估"),
            ],
        },
        ExpertSeed {
            specialty: bi("orthopaedic trauma", "创伤骨科"),
            bio: bi(
                "Chief physician of trauma orthopaedics with 19 years of experience in a regional trauma center. His research covers fracture healing, nonunion and limb reconstruction with external fixation.",
                "区域创伤中心创伤骨科主任医师，从业19年，研究方向为骨折愈合、骨不连及外固定架肢体重建。"
            ),
            past_work: &[
                bi("Early prediction of tibial nonunion, 500-patient cohort", "胫骨骨不连早期预测，500例队列"),
                bi("Circular external fixation for complex tibial fractures", "环形外固定架治疗复杂胫骨骨折"),
                bi("Radiographic union scoring reliability study", "影像学愈合评分可靠性研究"),
            ],
        },
        ExpertSeed {
            specialty: bi("joint arthroplasty", "关节外科"),
            bio: bi(
                "Professor of orthopaedics and head of the joint replacement center, with more than 6,000 arthroplasties over 20 years. She works on soft tissue balancing, patient satisfaction and periprosthetic infection.",
                "骨科教授、关节置换中心主任，20年累计完成关节置换逾6000例，关注软组织平衡、患者满意度及假体周围感染。"
            ),
            past_work: &[
                bi("Sensor-guided balancing in total knee arthroplasty, comparative study", "全膝置换传感器辅助平衡对比研究"),
                bi("Diagnosis of periprosthetic joint infection with synovial biomarkers", "关节液生物标志物诊断假体周围感染"),
                bi("Two-stage revision outcomes for infected knee replacement", "感染性膝关节置换二期翻修结局"),
                bi("Dissatisfaction after TKA, patient-reported outcome registry", "全膝置换术后不满意患者报告结局登记"),
            ],
        },
        ExpertSeed {
            specialty: bi("geriatric orthopaedics and osteoporosis", "老年骨科与骨质疏松"),
            bio: bi(
                "Deputy director of orthopaedics who established the hospital's orthogeriatric ward and fracture liaison service over 11 years. Her focus is hip fracture pathways, perioperative analgesia and secondary fracture prevention.",
                "骨科副主任，11年来建立了医院老年骨科病房和骨折联络服务，关注髋部骨折诊疗路径、围术期镇痛和再骨折预防。"
            ),
            past_work: &[
                bi("Hip fracture fast-track pathway with emergency fascia iliaca block", "急诊髂筋膜阻滞髋部骨折快速通道"),
                bi("Fracture liaison service implementation and treatment rates", "骨折联络服务实施与治疗率"),
                bi("Opportunistic osteoporosis screening on routine CT", "常规CT机会性骨质疏松筛查"),
            ],
        },
        ExpertSeed {
            specialty: bi("pediatric orthopaedics", "小儿骨科"),
            bio: bi(
                "Chief physician of pediatric orthopaedics at a children's hospital with 15 years in pediatric fracture care. He is interested in casting alternatives, 3D-printed orthoses and reducing follow-up burden for families.",
                "儿童医院小儿骨科主任医师，从事儿童骨折诊治15年，关注石膏替代方案、3D打印矫形器和减轻家庭复诊负担。"
            ),
            past_work: &[
                bi("3D-printed orthoses for pediatric forearm fractures, pilot trial", "3D打印支具治疗儿童前臂骨折预试验"),
                bi("Cast complications and unplanned visits, retrospective review", "石膏并发症与计划外复诊回顾性分析"),
                bi("Telemedicine follow-up for buckle fractures", "青枝骨折远程随访"),
            ],
        },
    ],
    teams: &[
        TeamSeed {
            name: bi("Orthopaedic Implants and Instruments Team", "骨科植入物与器械团队"),
            capabilities: bi(
                "Designs plates, nails, spinal screws and surgical instruments, including sensor-equipped instruments. The team handles mechanical testing to standards and titanium machining.",
                "设计钢板、髓内钉、脊柱螺钉和手术器械，包括带传感器的智能器械，负责标准化力学测试和钛合金加工。"
            ),
            technologies: &[
                bi("titanium alloy machining", "钛合金精密加工"),
                bi("implant fatigue testing", "植入物疲劳测试"),
                bi("embedded load sensors", "嵌入式载荷传感器"),
                bi("wireless passive telemetry", "无源无线遥测"),
                bi("finite element analysis", "有限元分析"),
            ],
        },
        TeamSeed {
            name: bi("Additive Manufacturing and Patient-Specific Solutions Team", "增材制造与个性化方案团队"),
            capabilities: bi(
                "Turns CT and 3D scans into patient-specific guides, orthoses and implants. The team runs medical 3D printing with validated cleaning and sterilization processes.",
                "将CT和三维扫描数据转化为个性化导板、矫形器和植入物，具备经过验证的清洗和灭菌流程的医用3D打印能力。"
            ),
            technologies: &[
                bi("CT segmentation and surgical planning", "CT分割与手术规划"),
                bi("selective laser sintering", "选择性激光烧结"),
                bi("titanium powder-bed fusion", "钛合金粉末床熔融"),
                bi("handheld 3D scanning", "手持三维扫描"),
                bi("lattice design", "点阵结构设计"),
            ],
        },
        TeamSeed {
            name: bi("Orthopaedic Diagnostics and Digital Team", "骨科诊断与数字化团队"),
            capabilities: bi(
                "Develops imaging analysis, point-of-care tests and care pathway software for orthopaedics. The team works with radiograph and CT datasets and lateral flow assay partners.",
                "开发骨科影像分析、即时检测和诊疗路径软件，拥有X线和CT数据集，并与侧流检测合作方协作。"
            ),
            technologies: &[
                bi("radiograph deep learning", "X线片深度学习"),
                bi("CT bone density quantification", "CT骨密度定量"),
                bi("lateral flow assay development", "侧流检测开发"),
                bi("care pathway software", "诊疗路径软件"),
            ],
        },
    ],
};

const NEUROLOGY: FieldCorpus = FieldCorpus {
    field: "neurology",
    needs: &[
        NeedSeed {
            problem: bi("recognize large vessel occlusion stroke before hospital arrival", "在院前识别大血管闭塞性卒中"),
            population: bi("patients with suspected acute stroke transported by ambulance", "救护车转运的疑似急性卒中患者"),
            outcome: bi("routes thrombectomy candidates directly to capable centers and saves transfer time", "将取栓适应证患者直接送往有能力的卒中中心，节省转院时间"),
            current_practice: bi(
                "Paramedics use simple stroke scales with limited specificity for large vessel occlusion. Many patients go to the nearest hospital first and lose an hour or more in secondary transfer.",
                "急救人员使用简易卒中量表，对大血管闭塞的特异性有限。许多患者先被送到最近的医院，二次转运耽误一小时甚至更久。"
            ),
            keywords: &[bi("large vessel occlusion", "大血管闭塞"), bi("prehospital triage", "院前分诊"), bi("acute ischemic stroke", "急性缺血性卒中"), bi("mechanical thrombectomy", "机械取栓")],
            solutions: &[
                SolutionSeed {
                    title: bi("Dry-electrode EEG headset for LVO detection", "干电极脑电头带识别大血管闭塞"),
                    solution: bi(
                        "A headset with dry electrodes records a few minutes of EEG in the ambulance. Large vessel occlusion causes marked asymmetric slowing, and an algorithm reports a simple yes or no for LVO. It needs no gel and is applied in under two minutes.",
                        "干电极头带在救护车上记录数分钟脑电。大血管闭塞会引起明显的不对称慢波，算法给出是否为大血管闭塞的简明结果。无需导电膏，两分钟内即可佩戴完成。"
                    ),
                    evidence: bi("Recordings from 60 patients in our emergency department before thrombectomy decision; algorithm accuracy under review.", "在本院急诊科60例患者取栓决策前采集记录，算法准确性正在评估。"),
                    stage: "prototype",
                    keywords: &[bi("dry-electrode EEG", "干电极脑电"), bi("asymmetric slowing", "不对称慢波"), bi("ambulance", "救护车"), bi("triage algorithm", "分诊算法")],
                },
                SolutionSeed {
                    title: bi("Prehospital tele-stroke video assessment", "院前远程卒中视频评估"),
                    solution: bi(
                        "A tablet app guides paramedics through a structured examination while a stroke neurologist joins by video. The neurologist scores the deficit and selects the destination hospital before arrival, and the team is pre-alerted.",
                        "平板应用引导急救人员完成结构化查体，卒中专科医生通过视频同步参与，在到院前完成评分并确定目标医院，同时预先通知接诊团队。"
                    ),
                    evidence: bi("Piloted with two ambulance stations for six months, 110 assessments; door-to-groin time reviewed.", "与两个急救站合作试点6个月，完成110次评估，并分析了入院至股动脉穿刺时间。"),
                    stage: "clinical_data",
                    keywords: &[bi("telestroke", "远程卒中"), bi("video consultation", "视频会诊"), bi("paramedics", "急救人员"), bi("pre-notification", "预通知")],
                },
                SolutionSeed {
                    title: bi("Portable microwave head scanner", "便携式微波头部扫描仪"),
                    solution: bi(
                        "A helmet of microwave antennas measures how signals pass through the head and detects intracranial hemorrhage. Ruling out hemorrhage in the ambulance could allow earlier treatment decisions.",
                        "由微波天线组成的头盔测量信号穿过头部的变化以检测颅内出血，在救护车上排除出血有助于更早作出治疗决策。"
                    ),
                    evidence: bi("Literature only.", "目前仅有文献依据。"),
                    stage: "idea",
                    keywords: &[bi("microwave imaging", "微波成像"), bi("intracranial hemorrhage", "颅内出血"), bi("portable imaging", "便携成像")],
                },
            ],
        },
        NeedSeed {
            problem: bi("detect nonconvulsive seizures around the clock", "全天候检出非惊厥性癫痫发作"),
            population: bi("comatose ICU patients after cardiac arrest or brain injury", "心脏骤停或脑损伤后昏迷的ICU患者"),
            outcome: bi("starts treatment early and avoids secondary brain injury", "尽早治疗，避免继发性脑损伤"),
            current_practice: bi(
                "Continuous EEG needs technicians to apply electrodes and neurophysiologists to read it, which most ICUs lack at night and weekends. Seizures are often found hours later or missed.",
                "连续脑电监测需要技师安放电极、神经电生理医师判读，多数ICU夜间和周末无法保障，发作往往数小时后才发现甚至漏诊。"
            ),
            keywords: &[bi("nonconvulsive status epilepticus", "非惊厥性癫痫持续状态"), bi("continuous EEG", "连续脑电监测"), bi("neurocritical care", "神经重症"), bi("coma", "昏迷")],
            solutions: &[
                SolutionSeed {
                    title: bi("Rapid-application reduced-montage EEG headband", "快速佩戴简化导联脑电头带"),
                    solution: bi(
                        "A disposable headband with ten pre-gelled electrodes can be applied by an ICU nurse in five minutes. Signal quality is checked automatically and the recording streams to the central reading station.",
                        "一次性头带含10个预置导电膏电极，ICU护士5分钟即可完成佩戴，系统自动检查信号质量，记录实时传输至中心判读站。"
                    ),
                    evidence: bi("Compared with full-montage EEG in 25 ICU patients at our hospital; seizure detection agreement reported.", "在本院25例ICU患者中与全导联脑电对照，报告了发作检出一致性。"),
                    stage: "clinical_data",
                    keywords: &[bi("reduced montage", "简化导联"), bi("pre-gelled electrodes", "预置导电膏电极"), bi("nurse-applied", "护士佩戴"), bi("signal quality", "信号质量")],
                },
                SolutionSeed {
                    title: bi("Automated seizure detection with bedside alerts", "自动癫痫发作识别及床旁报警"),
                    solution: bi(
                        "Software analyzes continuous EEG in real time and displays compressed trend graphs with seizure probability for the ICU team. Alerts prompt a remote neurophysiologist to review the raw EEG immediately.",
                        "软件实时分析连续脑电，为ICU团队显示带发作概率的压缩趋势图，报警后提示远程神经电生理医师立即复核原始脑电。"
                    ),
                    evidence: bi("A retrospective review of 300 hours of annotated ICU EEG from our department.", "回顾本科300小时已标注的ICU脑电数据。"),
                    stage: "prototype",
                    keywords: &[bi("quantitative EEG", "定量脑电"), bi("seizure detection algorithm", "发作识别算法"), bi("trend display", "趋势显示")],
                },
                SolutionSeed {
                    title: bi("Regional remote EEG reading network", "区域远程脑电判读网络"),
                    solution: bi(
                        "A cloud platform connects ICUs in several county hospitals to a reading center staffed around the clock. It includes a service-level system that guarantees review within 30 minutes of an alert.",
                        "云平台将多家县级医院ICU与全天候值守的判读中心连接，配套服务时限机制，保证报警后30分钟内完成判读。"
                    ),
                    evidence: bi("Literature only.", "目前仅有文献依据。"),
                    stage: "concept",
                    keywords: &[bi("tele-EEG", "远程脑电"), bi("cloud platform", "云平台"), bi("county hospitals", "县级医院")],
                },
            ],
        },
        NeedSeed {
            problem: bi("monitor intracranial pressure non-invasively", "无创监测颅内压"),
            population: bi("patients with traumatic brain injury who are not candidates for invasive monitoring", "不适合有创监测的颅脑外伤患者"),
            outcome: bi("detects rising pressure early and guides timely CT and treatment", "及早发现颅内压升高，指导及时复查CT和治疗"),
            current_practice: bi(
                "Invasive probes need neurosurgical placement and carry infection and bleeding risks. Without them, teams rely on repeated CT and neurological examination, which is unreliable in sedated patients.",
                "有创探头需神经外科置入，存在感染和出血风险。不放置时只能依靠反复CT和神经系统查体，而镇静患者的查体并不可靠。"
            ),
            keywords: &[bi("intracranial pressure", "颅内压"), bi("traumatic brain injury", "颅脑外伤"), bi("non-invasive monitoring", "无创监测"), bi("neurocritical care", "神经重症")],
            solutions: &[
                SolutionSeed {
                    title: bi("Automated optic nerve sheath ultrasound", "视神经鞘直径自动超声测量"),
                    solution: bi(
                        "Software on a portable ultrasound measures optic nerve sheath diameter automatically from a short sweep of each eye. Serial measurements show trends, and operator variability is reduced.",
                        "便携超声软件通过对双眼的短时扫查自动测量视神经鞘直径，连续测量可显示变化趋势，减少操作者间差异。"
                    ),
                    evidence: bi("Compared with invasive ICP readings in 22 patients at our neuro-ICU.", "在本院神经ICU 22例患者中与有创颅内压读数对照。"),
                    stage: "clinical_data",
                    keywords: &[bi("optic nerve sheath diameter", "视神经鞘直径"), bi("ocular ultrasound", "眼部超声"), bi("automatic measurement", "自动测量")],
                },
                SolutionSeed {
                    title: bi("Quantitative pupillometer with trend alerts", "带趋势报警的定量瞳孔计"),
                    solution: bi(
                        "A handheld infrared pupillometer measures pupil size and constriction velocity and computes a reactivity index. Values are charted hourly by nurses and a falling trend triggers a neurosurgical review.",
                        "手持红外瞳孔计测量瞳孔大小和收缩速度并计算反应指数，护士每小时记录，数值持续下降时触发神经外科会诊。"
                    ),
                    evidence: bi("Repeatability tested by 6 nurses on 15 patients.", "6名护士在15例患者中完成重复性测试。"),
                    stage: "prototype",
                    keywords: &[bi("pupillometry", "瞳孔测量"), bi("pupil reactivity", "瞳孔反应性"), bi("nursing assessment", "护理评估")],
                },
                SolutionSeed {
                    title: bi("Transcranial Doppler ICP estimation", "经颅多普勒颅内压估算"),
                    solution: bi(
                        "A head-mounted Doppler probe holder records middle cerebral artery flow velocity continuously, and a model estimates ICP from the waveform together with arterial blood pressure. It gives a continuous number rather than spot checks.",
                        "头戴式多普勒探头固定架连续记录大脑中动脉血流速度，模型结合动脉血压波形估算颅内压，提供连续数值而非单次测量。"
                    ),
                    evidence: bi("Literature only.", "目前仅有文献依据。"),
                    stage: "concept",
                    keywords: &[bi("transcranial Doppler", "经颅多普勒"), bi("waveform model", "波形模型"), bi("cerebral blood flow", "脑血流")],
                },
            ],
        },
        NeedSeed {
            problem: bi("measure motor fluctuations objectively in daily life", "在日常生活中客观评估运动波动"),
            population: bi("patients with Parkinson's disease on levodopa", "服用左旋多巴的帕金森病患者"),
            outcome: bi("optimizes dosing schedules and deep brain stimulation programming", "优化给药方案和脑深部电刺激程控"),
            current_practice: bi(
                "Doctors rely on patient diaries and a short clinic examination, usually during an 'on' period. Diaries are incomplete and patients struggle to tell dyskinesia from tremor.",
                "医生依靠患者日记和短时间门诊查体，而就诊时患者多处于“开期”。日记记录不完整，患者也难以区分异动与震颤。"
            ),
            keywords: &[bi("Parkinson's disease", "帕金森病"), bi("motor fluctuations", "运动波动"), bi("dyskinesia", "异动症"), bi("deep brain stimulation", "脑深部电刺激")],
            solutions: &[
                SolutionSeed {
                    title: bi("Wrist sensor for bradykinesia and dyskinesia scores", "腕戴式运动迟缓与异动评分传感器"),
                    solution: bi(
                        "A watch-like sensor worn for a week computes bradykinesia, dyskinesia and tremor scores every few minutes. A report aligns the scores with medication times so doctors can see when wearing-off occurs.",
                        "手表式传感器佩戴一周，每隔数分钟计算运动迟缓、异动和震颤评分，报告将评分与服药时间对齐，帮助医生判断剂末现象出现的时间。"
                    ),
                    evidence: bi("Compared with clinician ratings in 30 patients during levodopa challenge tests.", "在30例患者左旋多巴冲击试验中与医生评分对照。"),
                    stage: "clinical_data",
                    keywords: &[bi("wearable accelerometer", "可穿戴加速度计"), bi("wearing-off", "剂末现象"), bi("medication timing", "服药时间"), bi("tremor", "震颤")],
                },
                SolutionSeed {
                    title: bi("Smartphone tapping and voice tests", "手机敲击与语音测试"),
                    solution: bi(
                        "Several times a day the app asks for a 20-second finger tapping test and a short voice recording. Changes in tapping rhythm and voice features track symptom fluctuation at no hardware cost.",
                        "应用每天数次让患者完成20秒手指敲击测试和简短语音录制，通过敲击节律和语音特征的变化追踪症状波动，无需额外硬件。"
                    ),
                    evidence: bi("Literature only; a 20-patient pilot is planned in our movement disorders clinic.", "目前仅有文献依据，计划在本院运动障碍门诊开展20例预试验。"),
                    stage: "idea",
                    keywords: &[bi("digital biomarkers", "数字生物标志物"), bi("finger tapping", "手指敲击"), bi("voice analysis", "语音分析")],
                },
                SolutionSeed {
                    title: bi("Local field potential guided DBS programming assistant", "基于局部场电位的DBS程控助手"),
                    solution: bi(
                        "Software reads beta-band local field potentials recorded by sensing-capable stimulators and ranks electrode contacts and amplitudes by their effect on beta power. It shortens trial-and-error programming sessions.",
                        "软件读取具备感知功能的刺激器记录的β频段局部场电位，依据对β功率的影响对电极触点和幅度进行排序，缩短反复试错的程控过程。"
                    ),
                    evidence: bi("A retrospective review of 40 programming sessions at our functional neurosurgery department.", "回顾本院功能神经外科40次程控记录。"),
                    stage: "prototype",
                    keywords: &[bi("local field potential", "局部场电位"), bi("beta oscillation", "β振荡"), bi("DBS programming", "DBS程控"), bi("contact selection", "触点选择")],
                },
            ],
        },
        NeedSeed {
            problem: bi("detect cognitive impairment early", "早期发现认知障碍"),
            population: bi("older adults attending community health check-ups", "参加社区健康体检的老年人"),
            outcome: bi("enables early intervention and timely referral to memory clinics", "实现早期干预并及时转诊至记忆门诊"),
            current_practice: bi(
                "Paper tests such as the MMSE or MoCA take time, depend on the examiner and are biased by education level. Community doctors rarely have time to do them, so most cases are found late.",
                "MMSE、MoCA等纸笔测试耗时，受施测者和受教育程度影响大，社区医生很少有时间开展，多数患者发现较晚。"
            ),
            keywords: &[bi("mild cognitive impairment", "轻度认知障碍"), bi("dementia screening", "痴呆筛查"), bi("community screening", "社区筛查"), bi("older adults", "老年人")],
            solutions: &[
                SolutionSeed {
                    title: bi("Tablet cognitive test with drawing analysis", "带绘图分析的平板认知测试"),
                    solution: bi(
                        "A self-administered tablet test covers memory, attention and executive tasks, including a clock drawing recorded with a stylus. Pen-stroke timing and pauses add information beyond the final drawing. Norms are adjusted for education.",
                        "平板自测涵盖记忆、注意和执行功能任务，包括用手写笔完成画钟测验。笔画时序和停顿提供了超出最终图形的信息，常模按受教育程度校正。"
                    ),
                    evidence: bi("Tested in 200 older adults at two community centers against a neurologist diagnosis.", "在两家社区中心200名老年人中与神经科医生诊断对照测试。"),
                    stage: "clinical_data",
                    keywords: &[bi("digital cognitive assessment", "数字化认知评估"), bi("clock drawing", "画钟测验"), bi("education adjustment", "受教育程度校正"), bi("self-administered", "自助测试")],
                },
                SolutionSeed {
                    title: bi("Eye-tracking cognitive screening", "眼动追踪认知筛查"),
                    solution: bi(
                        "A short test on a screen with a built-in eye tracker measures visual memory and saccade patterns while the person simply watches images. It needs no reading or writing, which suits people with little schooling.",
                        "带内置眼动仪的屏幕进行简短测试，受试者只需观看图片，系统测量视觉记忆和扫视模式，无需读写，适合受教育程度低的人群。"
                    ),
                    evidence: bi("Pilot data from 45 memory clinic patients and 30 controls.", "记忆门诊45例患者和30名对照的预试验数据。"),
                    stage: "prototype",
                    keywords: &[bi("eye tracking", "眼动追踪"), bi("visual paired comparison", "视觉配对比较"), bi("saccades", "扫视")],
                },
                SolutionSeed {
                    title: bi("Speech-based screening from a phone call", "基于电话语音的认知筛查"),
                    solution: bi(
                        "During a routine follow-up phone call, the person describes a picture and recalls a short story. Software analyzes pauses, vocabulary and recall to flag possible impairment for in-person testing.",
                        "在常规随访电话中让受试者描述图片并复述短故事，软件分析停顿、词汇和回忆内容，提示需要进一步线下评估的人群。"
                    ),
                    evidence: bi("Literature only.", "目前仅有文献依据。"),
                    stage: "idea",
                    keywords: &[bi("speech analysis", "语音分析"), bi("natural language processing", "自然语言处理"), bi("remote screening", "远程筛查")],
                },
            ],
        },
        NeedSeed {
            problem: bi("reduce headache days without medication overuse", "在不过度用药的前提下减少头痛天数"),
            population: bi("patients with chronic migraine", "慢性偏头痛患者"),
            outcome: bi("lowers analgesic use and improves work and daily functioning", "减少止痛药使用，改善工作和日常生活能力"),
            current_practice: bi(
                "Preventive drugs cause side effects that lead many patients to stop them, and frequent analgesic use turns into medication-overuse headache. Follow-up is irregular.",
                "预防性药物不良反应使不少患者停药，频繁服用止痛药又导致药物过度使用性头痛，随访也不规律。"
            ),
            keywords: &[bi("chronic migraine", "慢性偏头痛"), bi("medication-overuse headache", "药物过度使用性头痛"), bi("neuromodulation", "神经调控"), bi("headache prevention", "头痛预防")],
            solutions: &[
                SolutionSeed {
                    title: bi("External trigeminal nerve stimulation headband", "体外三叉神经刺激头带"),
                    solution: bi(
                        "A headband with a forehead electrode stimulates the supraorbital branches of the trigeminal nerve for 20 minutes a day as prevention, and at higher intensity during an attack. It is drug-free and self-administered.",
                        "头带前额电极刺激三叉神经眶上支，每日20分钟用于预防，发作时采用较高强度治疗，无需药物，患者可自行使用。"
                    ),
                    evidence: bi("Used by 28 patients in our headache clinic for three months; headache days recorded in diaries.", "本院头痛门诊28例患者使用3个月，通过日记记录头痛天数。"),
                    stage: "clinical_data",
                    keywords: &[bi("trigeminal nerve stimulation", "三叉神经刺激"), bi("supraorbital", "眶上"), bi("drug-free therapy", "非药物治疗")],
                },
                SolutionSeed {
                    title: bi("Upper-arm remote electrical neuromodulation", "上臂远程电神经调控"),
                    solution: bi(
                        "An armband delivers stimulation to peripheral nerves of the upper arm at the start of an attack, activating descending pain inhibition. It is discreet, controlled from a phone, and logs each treatment.",
                        "臂带在发作初期刺激上臂外周神经，激活下行疼痛抑制通路。佩戴隐蔽，通过手机控制，并记录每次治疗。"
                    ),
                    evidence: bi("Bench electrical safety testing completed.", "已完成台架电气安全测试。"),
                    stage: "prototype",
                    keywords: &[bi("conditioned pain modulation", "条件性疼痛调制"), bi("wearable stimulator", "可穿戴刺激器"), bi("acute treatment", "急性期治疗")],
                },
                SolutionSeed {
                    title: bi("Headache diary with overuse alerts", "带过度用药预警的头痛日记"),
                    solution: bi(
                        "An app records headache days, triggers and every analgesic dose, and warns patients and doctors when intake approaches the overuse threshold. Monthly summaries structure the follow-up visit.",
                        "应用记录头痛天数、诱因和每次止痛药使用情况，用药接近过度使用阈值时向患者和医生预警，每月汇总用于规范随访。"
                    ),
                    evidence: bi("Literature only.", "目前仅有文献依据。"),
                    stage: "concept",
                    keywords: &[bi("headache diary", "头痛日记"), bi("analgesic tracking", "止痛药记录"), bi("trigger analysis", "诱因分析")],
                },
            ],
        },
        NeedSeed {
            problem: bi("achieve first-pass recanalization in thrombectomy", "在取栓中实现首次通过再通"),
            population: bi("patients with large vessel occlusion undergoing mechanical thrombectomy", "接受机械取栓的大血管闭塞患者"),
            outcome: bi("reduces the number of passes, vessel injury and procedure time", "减少取栓次数、血管损伤和手术时间"),
            current_practice: bi(
                "Operators choose stent retrievers or aspiration by habit without knowing clot composition. Hard, fibrin-rich clots often need several passes, each adding risk of endothelial damage and distal emboli.",
                "术者凭习惯选择支架取栓或抽吸，对血栓成分并不了解。质硬、富含纤维蛋白的血栓常需多次取栓，每次都增加内膜损伤和远端栓塞风险。"
            ),
            keywords: &[bi("mechanical thrombectomy", "机械取栓"), bi("first-pass effect", "首次通过效应"), bi("clot composition", "血栓成分"), bi("stent retriever", "取栓支架")],
            solutions: &[
                SolutionSeed {
                    title: bi("CT-based clot composition predictor", "基于CT的血栓成分预测软件"),
                    solution: bi(
                        "Software analyzes the clot on non-contrast CT and CT angiography, measuring density, length and permeability, and predicts whether it is red-cell-rich or fibrin-rich. It suggests a first-line technique before the groin puncture.",
                        "软件分析平扫CT和CT血管成像中血栓的密度、长度和通透性，预测其为富红细胞型还是富纤维蛋白型，并在股动脉穿刺前推荐首选取栓技术。"
                    ),
                    evidence: bi("A retrospective review of 260 retrieved clots with histology at our stroke center.", "回顾本卒中中心260例有病理结果的取出血栓。"),
                    stage: "clinical_data",
                    keywords: &[bi("clot imaging", "血栓影像"), bi("histology", "组织病理"), bi("radiomics", "影像组学"), bi("device selection", "器械选择")],
                },
                SolutionSeed {
                    title: bi("Aspiration catheter with clot-engagement sensing", "带血栓贴合感知的抽吸导管"),
                    solution: bi(
                        "A pressure sensor at the pump measures the flow and pressure signature when the catheter tip seals against the clot. The console indicates full engagement, so operators wait for good capture before withdrawing.",
                        "抽吸泵端压力传感器检测导管头端与血栓贴合时的流量和压力特征，控制台提示是否完全贴合，术者可在充分捕获后再回撤。"
                    ),
                    evidence: bi("Tested in a silicone vessel model with clot analogs of different stiffness.", "在硅胶血管模型中用不同硬度的血栓模拟物测试。"),
                    stage: "prototype",
                    keywords: &[bi("aspiration thrombectomy", "抽吸取栓"), bi("pressure sensing", "压力感知"), bi("clot engagement", "血栓贴合"), bi("flow model", "血流模型")],
                },
                SolutionSeed {
                    title: bi("Dual-layer stent retriever for fibrin-rich clots", "针对富纤维蛋白血栓的双层取栓支架"),
                    solution: bi(
                        "A stent retriever with an outer open-cell layer and an inner fine mesh traps firm clots that slip through conventional designs. The inner layer also reduces fragmentation and distal emboli.",
                        "取栓支架外层为开环结构、内层为细密网格，可捕获易从传统支架滑脱的硬质血栓，内层还可减少血栓碎裂和远端栓塞。"
                    ),
                    evidence: bi("Literature only; laser-cut prototypes in preparation.", "目前仅有文献依据，激光切割样件正在制作中。"),
                    stage: "idea",
                    keywords: &[bi("stent retriever design", "取栓支架设计"), bi("nitinol laser cutting", "镍钛激光切割"), bi("distal embolization", "远端栓塞")],
                },
            ],
        },
    ],
    experts: &[
        ExpertSeed {
            specialty: bi("cerebrovascular disease and neurointervention", "脑血管病与神经介入"),
            bio: bi(
                "Director of the stroke center at a provincial hospital with 18 years in acute stroke care and thrombectomy. He leads the regional prehospital stroke network and research on thrombectomy technique.",
                "省级医院卒中中心主任，从事急性卒中救治和取栓18年，牵头区域院前卒中急救网络和取栓技术研究。"
            ),
            past_work: &[
                bi("Prehospital LVO triage and direct transfer in a regional stroke network", "区域卒中网络院前大血管闭塞分诊与直接转运"),
                bi("First-pass effect with combined aspiration and stent retriever, 700 cases", "抽吸联合支架取栓首次通过效应，700例"),
                bi("Clot histology and CT imaging features", "血栓病理与CT影像特征研究"),
                bi("Door-to-needle time improvement program", "缩短入院至溶栓时间的质量改进项目"),
            ],
        },
        ExpertSeed {
            specialty: bi("neurocritical care", "神经重症"),
            bio: bi(
                "Head of the neurological ICU at a university hospital with 16 years in neurocritical care. Her research covers multimodal neuromonitoring, non-invasive ICP assessment and post-cardiac-arrest prognosis.",
                "大学附属医院神经重症监护室主任，从事神经重症16年，研究方向包括多模态神经监测、无创颅内压评估和心脏骤停后预后判断。"
            ),
            past_work: &[
                bi("Optic nerve sheath diameter versus invasive ICP in brain injury", "颅脑损伤患者视神经鞘直径与有创颅内压对照"),
                bi("Quantitative pupillometry in the neuro-ICU, nursing protocol", "神经ICU定量瞳孔测量护理方案"),
                bi("Continuous EEG in comatose survivors of cardiac arrest", "心脏骤停后昏迷患者连续脑电监测"),
            ],
        },
        ExpertSeed {
            specialty: bi("epilepsy and clinical neurophysiology", "癫痫与临床神经电生理"),
            bio: bi(
                "Professor of neurology and director of the EEG laboratory with 20 years in epilepsy care. He focuses on ICU EEG monitoring, automated seizure detection and remote EEG services.",
                "神经内科教授、脑电图室主任，从事癫痫诊治20年，关注ICU脑电监测、自动发作识别和远程脑电服务。"
            ),
            past_work: &[
                bi("Nonconvulsive seizures in the ICU, 5-year registry", "ICU非惊厥性发作5年登记研究"),
                bi("Validation of automated seizure detection software", "自动发作识别软件验证"),
                bi("Remote EEG reading network for county hospitals", "面向县级医院的远程脑电判读网络"),
                bi("Reduced-montage EEG for rapid screening", "简化导联脑电快速筛查"),
            ],
        },
        ExpertSeed {
            specialty: bi("movement disorders and neuromodulation", "运动障碍与神经调控"),
            bio: bi(
                "Chief physician of the movement disorders clinic with 14 years of experience, working closely with functional neurosurgery. Her interests are wearable assessment of Parkinson's disease, DBS programming and non-invasive neuromodulation.",
                "运动障碍门诊主任医师，从业14年，与功能神经外科密切合作，关注帕金森病可穿戴评估、DBS程控和无创神经调控。"
            ),
            past_work: &[
                bi("Wearable sensor monitoring of motor fluctuations in Parkinson's disease", "可穿戴传感器监测帕金森病运动波动"),
                bi("Beta-band local field potentials for DBS contact selection", "β频段局部场电位指导DBS触点选择"),
                bi("Freezing of gait and cueing strategies", "冻结步态与提示策略研究"),
            ],
        },
        ExpertSeed {
            specialty: bi("cognitive disorders and headache", "认知障碍与头痛"),
            bio: bi(
                "Professor of neurology who runs the memory and headache clinics of a tertiary hospital, 21 years in practice. She works on community dementia screening, digital cognitive tests and migraine prevention.",
                "神经内科教授，负责三甲医院记忆门诊和头痛门诊，从业21年，研究社区痴呆筛查、数字化认知测试和偏头痛预防。"
            ),
            past_work: &[
                bi("Community screening for mild cognitive impairment in 5,000 older adults", "5000名老年人轻度认知障碍社区筛查"),
                bi("Education-adjusted norms for digital cognitive tests", "数字化认知测试受教育程度校正常模"),
                bi("Medication-overuse headache withdrawal program", "药物过度使用性头痛撤药项目"),
                bi("Neuromodulation devices for migraine, clinical experience", "偏头痛神经调控设备临床经验"),
            ],
        },
    ],
    teams: &[
        TeamSeed {
            name: bi("Neurovascular Devices Team", "神经血管器械团队"),
            capabilities: bi(
                "Develops thrombectomy devices, aspiration catheters and access systems for the intracranial circulation. The team has nitinol processing and a flow-model lab for clot retrieval testing.",
                "开发颅内取栓装置、抽吸导管和通路系统，具备镍钛合金加工能力和用于取栓测试的血流模型实验室。"
            ),
            technologies: &[
                bi("nitinol laser cutting and shape setting", "镍钛激光切割与定型"),
                bi("large-bore thin-wall catheters", "大腔薄壁导管"),
                bi("aspiration pump control", "抽吸泵控制"),
                bi("clot analog and flow model testing", "血栓模拟物与血流模型测试"),
                bi("neuro-imaging analysis", "神经影像分析"),
            ],
        },
        TeamSeed {
            name: bi("Neuromonitoring and EEG Team", "神经监测与脑电团队"),
            capabilities: bi(
                "Builds EEG acquisition hardware, electrodes and analysis software for emergency, ICU and outpatient settings. The team also develops ultrasound and pupillometry tools for neurocritical care.",
                "开发用于急诊、ICU和门诊的脑电采集硬件、电极和分析软件，同时开发神经重症用超声及瞳孔测量工具。"
            ),
            technologies: &[
                bi("low-noise EEG amplifiers", "低噪声脑电放大器"),
                bi("dry and pre-gelled electrodes", "干电极与预置导电膏电极"),
                bi("seizure detection algorithms", "发作识别算法"),
                bi("infrared pupillometry", "红外瞳孔测量"),
                bi("cloud EEG review platform", "云端脑电判读平台"),
            ],
        },
        TeamSeed {
            name: bi("Neuromodulation Team", "神经调控团队"),
            capabilities: bi(
                "Develops implantable and wearable neurostimulators and the software to program them. The team covers stimulation waveforms, sensing of neural signals and wearable motion analysis.",
                "开发植入式和可穿戴神经刺激器及其程控软件，覆盖刺激波形设计、神经信号感知和可穿戴运动分析。"
            ),
            technologies: &[
                bi("stimulation waveform design", "刺激波形设计"),
                bi("local field potential sensing", "局部场电位感知"),
                bi("wearable motion analysis", "可穿戴运动分析"),
                bi("low-power wireless programming", "低功耗无线程控"),
            ],
        },
    ],
};
