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

pub static CORPUS: &[FieldCorpus] = &[REHABILITATION];

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
