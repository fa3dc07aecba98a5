/**
 * The glossary in Traditional Chinese: each entry's word, technical name and
 * two plain sentences, the propositions' one-line paraphrases and the payoff
 * terms' labels, translated from the English of src/app/glossary.ts and
 * src/model/terms.ts (a test checks that every entry, proposition and term
 * has its translation). Formulas, ids and literature stay as written.
 */

export interface EntryText {
  term: string;
  technical?: string;
  plain: string;
}

/** By glossary id (src/app/glossary.ts). */
export const ENTRIES_ZH_HANT: Readonly<Record<string, EntryText>> = {
  delta: {
    term: 'Δ（簽署的淨利益）',
    technical: '簽署的淨利益 Δ_i',
    plain:
      '在其他國家的選擇已定時，一個國家簽署比不簽多得到多少：所有支持與反對理由的總和。Δ 大於零時這個國家就會簽署，離零越遠，它的選擇越堅定。',
  },
  least: {
    term: '最小均衡',
    technical: '最小純策略納許均衡',
    plain:
      '從沒有任何國家簽署開始，各國一波一波加入，每個國家在簽署開始划算時才加入，最後得到的結果。這是沒有任何國家想改變選擇的最小簽署群體，也是 signatory 最先報告的數字。',
  },
  greatest: {
    term: '最大均衡',
    technical: '最大純策略納許均衡',
    plain:
      '從所有國家都簽署開始，各國一波一波退出，每個國家在簽署不再划算時才退出，最後得到的結果。這是沒有任何國家想改變選擇的最大簽署群體；其他所有穩定結果都介於最小與最大均衡之間。',
  },
  equilibrium: {
    term: '均衡',
    technical: '純策略納許均衡',
    plain:
      '一種簽署與不簽的分布，在其他國家的選擇不變時，沒有任何國家想改變自己的選擇。均衡可能不只一個，signatory 報告其中最小與最大的。',
  },
  qre: {
    term: '選擇帶隨機性時的預期簽署國數',
    technical: 'QRE（量化反應均衡）',
    plain:
      '真實的決定不是完全可以預測的，所以每個國家簽署的機率隨著它的 Δ 升高，而不是在零的地方突然改變。預期簽署國數和它的 90% 區間，就是從這些機率算出來的。',
  },
  lambda: {
    term: 'λ（精確度）',
    technical: 'QRE 的 logit 精確度 λ',
    plain: '帶隨機性的選擇有多可預測。λ 大表示各國幾乎總是做划算的事（和均衡一樣）；λ 小表示它們的選擇比較接近擲硬幣。',
  },
  'p-majority': {
    term: 'P(≥ k)',
    technical: '至少 k 國簽署的機率（Poisson 二項分布的簽署數）',
    plain:
      '在選擇帶有隨機性時，至少 k 個國家簽署的機率，k 是出席國家的過半數（A Coruña 為 85 國中的 43 國）。它把隨機選擇可能落出的每一種結果都加總起來。',
  },
  interval: {
    term: '90% 區間',
    technical: '簽署數分布的第 5 到第 95 百分位數',
    plain: '選擇帶有隨機性時，簽署國數十次有九次會落在的範圍。區間很寬，表示即使文本固定，結果仍然很不確定。',
  },
  cascade: {
    term: '連鎖',
    technical: '從無人簽署開始的最佳回應動態（門檻模型）',
    plain:
      '一輪一輪呈現的最小均衡：先是單獨簽署也划算的國家，接著是等到夠多國家簽署後才加入的國家。它顯示誰帶動了誰，就像體育場裡一波一波站起來的人浪。',
  },
  supermodular: {
    term: '超模賽局',
    technical: '超模賽局（策略互補）',
    plain:
      '在這種賽局裡，每多一個國家簽署，其他國家簽署的吸引力只會增加、不會減少。這樣的賽局一定有最小與最大均衡，其他所有穩定結果都介於兩者之間。',
  },
  bias: {
    term: '本國偏向',
    technical: '國家自身的偏向 bias_i',
    plain:
      '屬於單一國家、支持或反對簽署的固定推力，不由任何列出的理由解釋。情境會設定它（基準情境中每個國家都是 0），代表列出的理由沒有涵蓋到的、關於這個國家的部分。',
  },
  intercept: {
    term: '共同截距',
    technical: '共同截距 w0',
    plain: '對每個國家都相同的、支持或反對簽署的固定推力。它代表所有國家共有、但列出的理由沒有涵蓋的一切。',
  },
  flip: {
    term: '什麼會讓它改變決定',
    technical: '參數的翻轉門檻',
    plain:
      '在其他一切不變時，文本或世界的某一個設定要到什麼值，一個國家才會改變它的選擇。如果沒有任何值做得到，signatory 會明說。',
  },
  'payoff-term': {
    term: '報酬項',
    technical: 'w_k · f_k(i, s)',
    plain:
      '一個支持或反對簽署的理由，依每個國家的處境、文本內容和其他國家的作為算出。每一項對應評論論證中的一個步驟，Δ 就是它們的總和。',
  },
  reputation: {
    term: '身為負責任國家的聲譽',
    plain: '簽署讓一個國家看起來負責任，在乎這一點的國家會因此得益。這是唯一一個不取決於其他國家作為的簽署理由。',
  },
  momentum: {
    term: '規範動能（其他國家的簽署）',
    plain: '簽署的國家越多，對在意外界期待的國家來說，加入就越划算。這正是簽署會一波一波擴散的原因。',
  },
  alignment: {
    term: '追隨盟主',
    plain: '一個順從盟主（它所追隨的盟國）的國家，跟著盟主做就能得益。盟主簽署，它就被拉進來；盟主不簽，它就被拉住。',
  },
  humancontrol: {
    term: '有保障的人類控制',
    plain:
      '對重視人類控制武器的國家來說，一條有保障的人類控制管道是有價值的。文本把這條管道寫得越清楚，這些國家簽署的收穫就越大。',
  },
  adoption: {
    term: '制度重建',
    plain:
      '簽署意味著要改變採購、訓練和交戰規則，還要在國內獲得批准。對批准程序繁重的大國來說成本更高，而且文本越嚴格、越有約束力，成本越高。',
  },
  restraint: {
    term: '在競賽中自我約束',
    plain:
      '把 AI 快速導入軍隊的國家，簽署就等於在競賽中讓出空間。對手也簽署時這個成本會變小，但只限於對手的簽署能被查證的程度。',
  },
  exposure: {
    term: '率先簽署的安全風險',
    plain:
      '在其他國家觀望時率先簽署的受威脅國家，要承擔安全風險。對手簽署後風險會下降，但只限於對手的簽署能被查證的程度。',
  },
  ambiguity: {
    term: '未定義的自主門檻',
    plain:
      '文本沒有說明自主到什麼程度就不可接受時，已部署系統日後的任何升級都可能遭到質疑。界線越模糊，謹慎而行動快速的國家可能損失越多。',
  },
  blame: {
    term: '未釐清的問責鏈',
    plain:
      '如果沒有清楚規定事故由誰負責（指揮官、操作員、開發者），軍方會擔心被不公平地究責。這個成本對能力強、行動快的國家最大，文本一旦釐清問責就會消失。',
  },
  grayzone: {
    term: '受威脅的灰色地帶行動',
    plain:
      '低於公開衝突門檻的行動（網路、電子戰、無人機群）可能被重新定性為違反文本。依賴這些行動的國家簽署會有損失，除非文本劃出清楚的界線，把這類行動排除在外。',
  },
  weaponization: {
    term: '規則被當成武器',
    plain:
      '一個國家可能擔心規則會被技術領先者拿來做不利於它的解釋。中立的解釋機制，以及依能力區分的義務，可以減輕這種擔憂。',
  },
  club: {
    term: '文本之外的俱樂部治理',
    plain:
      '有些國家寧可在自己的同盟（俱樂部）內訂定有約束力的規則，而不是在廣泛的宣言裡。簽署會讓它們失去這個選項，除非文本能和俱樂部的規則並存。',
  },
};

/** The propositions' one-line paraphrases (src/app/glossary.ts PROPOSITIONS), in Traditional Chinese. */
export const PROPOSITIONS_ZH_HANT: Readonly<Record<string, string>> = {
  O1: '85 國出席；35 國簽署；50 國沒有簽署。',
  O2: '美國沒有簽署。',
  O3: '中國沒有簽署。',
  A1: '沒有定義自主門檻，所以已部署系統日後的任何升級都可能被質疑；成本隨一國導入 AI 的速度和界線的模糊程度而增加。',
  A2: '沒有完整的問責鏈（指揮官、操作員、開發者）：軍方擔心事故發生後責任被推來推去。',
  A3: 'AI 承諾很難查證，所以對手的簽署提供不了多少保證；自我約束在和平時成立，在危機中就會讓步。',
  A4: '簽署意味著重建採購、訓練與交戰規則，並由國內的部會與國會審查（雙層賽局）。',
  A5: '先簽的國家要付出代價：大國觀望時簽署的小國，會提高自己的安全成本（策略互補）。',
  A6: '沒有指標、沒有遵約機制、沒有監督者，實際收益接近零而政治風險不斷累積：各國公開讚揚倫理，私下計算成本。',
  U1: '在技術競賽中它不會自我設限；快速迭代需要容錯空間，即使是寬鬆的措辭也會招來監督。',
  U2: '它偏好在多邊場合談廣泛的價值，在俱樂部（NATO、五眼聯盟、AUKUS）內訂定有約束力的標準，這樣既保留選項，又迫使其他國家選邊。',
  U3: '灰色地帶行動（網路、電子戰、感測干擾、無人機群）接近門檻，可能被重新定性為違規。',
  U4: '對手可以把多邊文本變成武器，迫使它做出澄清或退出。',
  U5: '在領先時，擴大領先優先；規則之後再說，並當作護城河。',
  C1: '它要的是可衡量、可稽核、可問責的治理，以及一條無法被繞過的人類控制管道。',
  C2: '它擔心規則成為技術領先者進行差別對待的掩護：誰承擔較重的義務，又由誰來解釋？',
  C3: '沒有答案的話，簽署會拖慢自身的發展，而領先者繼續前進，這是一個周邊情勢複雜的大國不會接受的。',
  C4: '和美國做出相同的選擇，理由卻不同：一方是為了行動自由，另一方是為了不受武器化規則所害。',
  M1: '一位知名科技企業主管公開警告美國將落後中國，加深了競賽焦慮、預算壓力和競爭的步調。',
  R1: '把抽象原則變成可執行的條款；由專家、國際組織和中立第三方建立查證與認證；追溯責任並懲處違約。',
};

/** Whose reasons a proposition gives, by its letter. */
export const PROPOSITION_GROUPS_ZH_HANT: Readonly<Record<string, string>> = {
  O: '結果',
  A: '所有國家',
  U: '美國',
  C: '中國',
  M: '競賽敘事',
  R: '建議的設計',
};

/** The payoff terms' labels (src/model/terms.ts), by term id. */
export const TERM_LABELS_ZH_HANT: Readonly<Record<string, string>> = {
  reputation: '身為負責任國家的聲譽',
  momentum: '規範動能（其他國家的簽署）',
  alignment: '追隨盟主',
  humanControl: '有保障的人類控制',
  adoption: '制度重建',
  restraint: '在競賽中自我約束',
  exposure: '率先簽署的安全風險',
  ambiguity: '未定義的自主門檻',
  blame: '未釐清的問責鏈',
  grayZone: '受威脅的灰色地帶行動',
  weaponization: '規則被當成武器',
  club: '文本之外的俱樂部治理',
};

/** The settings of the text and the world (src/model/inputs.ts), by key. */
export const PARAMETER_LABELS_ZH_HANT: Readonly<Record<string, string>> = {
  verification: '查證',
  thresholdClarity: '門檻清晰度',
  thresholdStrictness: '門檻嚴格度',
  accountability: '問責',
  enforcement: '執行',
  differentiation: '依能力區分義務',
  neutralInterpretation: '中立解釋',
  humanControl: '人類控制',
  clubCompatibility: '與俱樂部規則相容',
  raceIntensity: '競賽強度',
  raceShock: '競賽敘事',
  lambda: 'logit 精確度 λ',
};

/** Where the propositions come from. */
export const PROPOSITIONS_SOURCE_ZH_HANT =
  '改寫自一篇評論 A Coruña REAIM 峰會（2026 年 2 月）的文章；完整列表見 docs/propositions.md';
