/**
 * The message catalogue: every sentence, headline and label the shells
 * (cli/, report/, tui/) print in more than one language, by key, in English
 * and Traditional Chinese. A message may hold placeholders `{name}`, filled
 * by `t(key, { name })`; both languages of a key hold the same set (a test
 * checks that, and that no key is missing or empty). Headlines are phrased
 * for a reader with no game theory, with the technical name beside them.
 * Numbers, state ids and symbols are never translated.
 */
import { currentLanguage, type Language } from './language.js';

const EN = {
  // The CLI's frame.
  'cli.prefix': 'signatory: ',
  'cli.seeHelp': " (see 'signatory {command} --help')",
  'cli.seeMainHelp': " (see 'signatory --help')",
  'cli.internal': 'internal error: {message}',
  'cli.didYouMean': ' (did you mean "{word}"?)',
  'cli.unknownCommand': "unknown command '{word}'{hint} (commands: {list})",
  'cli.unknownOption': "unknown option '{word}'{hint}",
  'cli.unknownLanguage': "unknown language '{word}'{hint}; expected one of: {list}",
  'cli.missingValue': "option '{word}' needs a value",
  'cli.unexpectedArgument': "unexpected argument '{word}'",
  'cli.missingFile': 'missing {what}',
  'cli.fileNotFound': '{file}: expected a readable file: no such file',
  'cli.unknownState':
    "unknown state '{word}'{hint}; expected a state id, English or Chinese name (the scenario has {count} states: {some})",
  'cli.ambiguousState': "'{word}' names {count} states ({list}); give the id",
  'cli.noGlossaryEntry': "no glossary entry '{word}'{hint} ('signatory glossary' lists them all)",
  'cli.optionPrefix': '{option}: {message}',
  'help.tagline': 'who would sign this declaration, and what would it take?',
  'help.usage': 'Usage: signatory [--lang en|zh-Hant] [COMMAND] [ARGS]',
  'help.noCommand':
    'With no command: the terminal UI on the A Coruña baseline when run in a\nterminal, otherwise the plain report of that scenario.',
  'help.commands': 'Commands:',
  'help.commandHelp': 'options of one command',
  'help.version': 'the version',
  'help.lang':
    'Language of screens, reports and messages: --lang en or --lang zh-Hant\n(Traditional Chinese), accepted by every command; without it, the first\nof LC_ALL, LC_MESSAGES, LANG that is set: zh_TW, zh_HK, zh_MO or zh-Hant\nmeans Traditional Chinese, anything else English.',

  // signatory run: the plain report.
  'run.tally': '{signed} sign · {abstain} abstain (of {total})',
  'run.at': 'At {date}',
  'run.atUndated': 'At {date} (the scenario has no dated values: the same world at every date)',
  'run.heldFixed': 'Held fixed: {list}',
  'run.leastHeadline': 'if states join in waves (least equilibrium)',
  'run.pureHeadline': 'a pure equilibrium, found by best response from all-abstain',
  'run.noPure': 'No pure equilibrium found: best response from all-abstain cycles.',
  'run.unique': 'Unique outcome: the least and greatest equilibria agree on {n} signers.',
  'run.range': 'Range: {lo}–{hi} signers between the least and greatest equilibria.',
  'run.note': 'Note: {note}.',
  'run.fromAllSign': 'From all-sign: {tally}, a pure equilibrium.',
  'run.fromAllSignCycles': 'From all-sign: best response cycles too.',
  'run.allPureNone': 'All pure equilibria, by enumeration of every profile: none.',
  'run.allPure': 'All pure equilibria, by enumeration of every profile ({count}; signers listed): {list}',
  'run.nobodySigns': '{} (nobody signs)',
  'run.qre': 'Expected signers if choices are noisy (QRE, λ = {lambda}{branch}): {mean}, 90% interval [{lo}, {hi}]',
  'run.majority': 'Chance of a majority (P(≥ {k})): {p}',
  'run.branch': ', principal branch',
  'run.secondBranch': '    A second QRE branch exists, from everybody signing: expected {mean} signers.',
  'run.qreFailed':
    'Expected signers if choices are noisy (QRE, λ = {lambda}{branch}): not found, the solver stopped at residual {residual} (tolerance 1e-12); no expected tally is reported.',
  'run.cycleProfile': 'The last profile of the cycle from all-abstain (not an equilibrium):',
  'run.signList': 'Sign ({count}):',
  'run.abstainList': 'Abstain ({count}):',
  'run.none': '  none',
  'run.heldMark': '(* held fixed)',

  // The cascade (run --rounds).
  'cascade.title': 'Cascade from no signatures (least equilibrium):',
  'cascade.notMonotone':
    '  (not supermodular: rounds are round-robin sweeps and may switch both ways; no tipping analysis)',
  'cascade.heldAtSign': '  held at sign from the start: {list}',
  'cascade.nobodyFirst': '  nobody signs first: no state gains from signing alone.',
  'cascade.round': '  round {round} ({count} sign, {total} in all):',
  'cascade.tippedTitle': 'Who tipped them: Δ with nobody signing, plus momentum (m_i/(N−1) per earlier signer),',
  'cascade.tippedTitle2': 'plus the ties B_ij of earlier signers (rival relief, patron), gives Δ when it signed:',
  'cascade.tipped': 'r{round} {id}: {alone} {momentum} momentum ({earlier} signers){ties} = {when}',
  'cascade.ties': ' + ties {list}',
  'cascade.more': ' +{count} more',

  // signatory glossary.
  'glossary.formula': 'Formula: {formula}',
  'glossary.propositions': 'Propositions: {source}.',
  'glossary.source': 'Source: {source}.',

  // signatory explain.
  'explain.signs': 'signs',
  'explain.abstains': 'abstains',
  'explain.heldAt': 'held at {action}',
  'explain.headline': '{id} — {name}: {verdict} (Δ = {delta} at the least equilibrium)',
  'explain.contributions': 'Contributions to the net gain of signing, largest first:',
  'explain.flipsTitle': 'What would flip it (one parameter at a time, others as they are):',
  'explain.noFlip': 'no flip in range ({verdict} throughout{gap})',
  'explain.closest': '; closest at {at}: Δ = {delta}, {short} short of flipping',
  'explain.above': '{verdict} above {at}',
  'explain.now': 'now',
  'explain.intercept': 'Shared intercept (the same for every state)',
  'explain.bias': "{id}'s own bias",
  'explain.noSingle':
    "No single parameter flips {id}. Several at once may: signatory seek <scenario> --target '{id} sign'",

  // signatory compare.
  'compare.title': 'Compare: {base}  →  {other}',
  'compare.base': 'base',
  'compare.other': 'other',
  'compare.change': 'change',
  'compare.least': 'least equilibrium',
  'compare.greatest': 'greatest equilibrium',
  'compare.qreMean': 'QRE expected signers',
  'compare.interval': 'QRE 90% interval',
  'compare.states': 'states',
  'compare.nonMonotone': '  (a non-supermodular scenario: round-robin best response, see `signatory run`)',
  'compare.joined': 'Joined ({count}): abstain in base, sign in other — the terms whose contribution rose most',
  'compare.left': 'Left ({count}): sign in base, abstain in other — the terms whose contribution fell most',
  'compare.termNote1': '  (term changes compare the contributions at the two least equilibria: direct effects of the',
  'compare.termNote2': "   changed parameters and indirect ones through the others' decisions, e.g. momentum)",
  'compare.movedBy': 'moved by {list}',
  'compare.noTermMoved': 'no term moved it',
  'compare.heldAt': ' (held at {action})',
  'compare.stateChange': '{id} — {name}: {from} → {to}, Δ {dBase} → {dOther} ({diff}), term by term:',
  'compare.baselineTerm': 'baseline (intercept + own bias)',
  'compare.noTerm': '  no term moved',
  'compare.onlyBase': 'Only in base: {list}',
  'compare.onlyOther': 'Only in other: {list}',
  'compare.byBloc': 'By bloc: signers in the least equilibrium (QRE expected)',
  'compare.bloc': 'bloc',
  'compare.members': 'members',
};

export type MessageKey = keyof typeof EN;

const ZH_HANT: Record<MessageKey, string> = {
  'cli.prefix': 'signatory：',
  'cli.seeHelp': '（請見「signatory {command} --help」）',
  'cli.seeMainHelp': '（請見「signatory --help」）',
  'cli.internal': '程式內部錯誤：{message}',
  'cli.didYouMean': '（您是不是要輸入「{word}」？）',
  'cli.unknownCommand': '沒有「{word}」這個指令{hint}（可用的指令：{list}）',
  'cli.unknownOption': '沒有「{word}」這個選項{hint}',
  'cli.unknownLanguage': '不支援的語言「{word}」{hint}；可用的語言：{list}',
  'cli.missingValue': '選項「{word}」需要一個值',
  'cli.unexpectedArgument': '多出了參數「{word}」',
  'cli.missingFile': '缺少{what}',
  'cli.fileNotFound': '{file}：找不到這個檔案（需要一個可讀取的檔案）',
  'cli.unknownState':
    '找不到國家「{word}」{hint}；請輸入國家代碼、英文名稱或中文名稱（這個情境共有 {count} 個國家：{some}）',
  'cli.ambiguousState': '「{word}」符合 {count} 個國家（{list}）；請改用國家代碼',
  'cli.noGlossaryEntry': '詞彙表裡沒有「{word}」{hint}（「signatory glossary」會列出全部詞條）',
  'cli.optionPrefix': '{option}：{message}',
  'help.tagline': '誰會簽署這份宣言？要怎樣才會簽？',
  'help.usage': '用法：signatory [--lang en|zh-Hant] [指令] [參數]',
  'help.noCommand': '不加指令時：在終端機裡開啟 A Coruña 基準情境的互動介面，\n否則印出該情境的純文字報告。',
  'help.commands': '指令：',
  'help.commandHelp': '某個指令的選項',
  'help.version': '版本',
  'help.lang':
    '畫面、報告與訊息的語言：--lang en 或 --lang zh-Hant（繁體中文），每個指令都接受；\n未指定時依序看 LC_ALL、LC_MESSAGES、LANG 中第一個有設定的：zh_TW、zh_HK、\nzh_MO 或 zh-Hant 表示繁體中文，其他一律為英文。',

  'run.tally': '{signed} 國簽署 · {abstain} 國不簽（共 {total} 國）',
  'run.at': '評估日期：{date}',
  'run.atUndated': '評估日期：{date}（此情境沒有隨日期變動的數值：每個日期都是同一個世界）',
  'run.heldFixed': '固定不變：{list}',
  'run.leastHeadline': '從沒有人簽開始逐輪加入（最小均衡）',
  'run.pureHeadline': '一個純策略均衡，由全體不簽開始以最佳回應求得',
  'run.noPure': '找不到純策略均衡：從全體不簽開始的最佳回應會循環。',
  'run.unique': '結果唯一：最小均衡與最大均衡都是 {n} 國簽署。',
  'run.range': '範圍：最小均衡與最大均衡之間，{lo}–{hi} 國簽署。',
  'run.note': '注意：{note}。',
  'run.fromAllSign': '從全體簽署開始：{tally}，是一個純策略均衡。',
  'run.fromAllSignCycles': '從全體簽署開始：最佳回應同樣會循環。',
  'run.allPureNone': '逐一列舉所有組合後的全部純策略均衡：沒有。',
  'run.allPure': '逐一列舉所有組合後的全部純策略均衡（{count} 個；列出簽署國）：{list}',
  'run.nobodySigns': '{}（沒有人簽）',
  'run.qre': '選擇帶隨機性時的預期簽署國數（QRE，λ = {lambda}{branch}）：{mean}，90% 區間 [{lo}, {hi}]',
  'run.majority': '過半數簽署的機率（P(≥ {k})）：{p}',
  'run.branch': '，主分支',
  'run.secondBranch': '    另有一條從全體簽署出發的 QRE 分支：預期 {mean} 國簽署。',
  'run.qreFailed':
    '選擇帶隨機性時的預期簽署國數（QRE，λ = {lambda}{branch}）：求不出來，求解器停在殘差 {residual}（容許值 1e-12）；不報告預期簽署數。',
  'run.cycleProfile': '從全體不簽開始的循環中最後一個組合（不是均衡）：',
  'run.signList': '簽署（{count}）：',
  'run.abstainList': '不簽（{count}）：',
  'run.none': '  無',
  'run.heldMark': '（* 為固定不變）',

  'cascade.title': '從沒有人簽開始，簽署如何一輪一輪擴散（連鎖，最小均衡）：',
  'cascade.notMonotone': '  （不是超模賽局：每一輪是輪流的最佳回應，可能雙向改變；不做引爆分析）',
  'cascade.heldAtSign': '  一開始就固定為簽署：{list}',
  'cascade.nobodyFirst': '  沒有國家率先簽署：單獨簽署對任何國家都不划算。',
  'cascade.round': '  第 {round} 輪（{count} 國簽署，累計 {total} 國）：',
  'cascade.tippedTitle': '是誰帶動了它們：沒有人簽時的 Δ，加上動能（每個先簽者 m_i/(N−1)），',
  'cascade.tippedTitle2': '再加上先簽國家的雙邊關係 B_ij（對手的威脅減輕、盟主），得出它簽署時的 Δ：',
  'cascade.tipped': '第{round}輪 {id}：{alone} {momentum} 動能（{earlier} 國已簽）{ties} = {when}',
  'cascade.ties': ' + 雙邊關係 {list}',
  'cascade.more': ' 另有 {count} 國',

  'glossary.formula': '公式：{formula}',
  'glossary.propositions': '命題：{source}。',
  'glossary.source': '出處：{source}。',

  'explain.signs': '簽署',
  'explain.abstains': '不簽',
  'explain.heldAt': '固定為 {action}',
  'explain.headline': '{id} — {name}：{verdict}（在最小均衡下，簽署的淨利益 Δ = {delta}）',
  'explain.contributions': '支持與反對簽署的理由，由大到小（對 Δ 的貢獻）：',
  'explain.flipsTitle': '什麼會讓它改變決定（一次只改一個設定，其他維持原狀）：',
  'explain.noFlip': '範圍內不會改變（始終{verdict}{gap}）',
  'explain.closest': '；最接近處在 {at}：Δ = {delta}，還差 {short} 才會改變',
  'explain.above': '高於 {at} 時{verdict}',
  'explain.now': '目前',
  'explain.intercept': '共同截距（每個國家都相同）',
  'explain.bias': '{id} 的本國偏向',
  'explain.noSingle':
    "沒有任何單一參數能讓 {id} 改變決定。同時改幾個也許可以：signatory seek <情境> --target '{id} sign'",

  'compare.title': '比較：{base}  →  {other}',
  'compare.base': '原情境',
  'compare.other': '新情境',
  'compare.change': '變化',
  'compare.least': '最小均衡',
  'compare.greatest': '最大均衡',
  'compare.qreMean': 'QRE 預期簽署數',
  'compare.interval': 'QRE 90% 區間',
  'compare.states': '國家數',
  'compare.nonMonotone': '  （不是超模賽局的情境：輪流最佳回應，見「signatory run」）',
  'compare.joined': '加入（{count}）：原情境不簽、新情境簽署——貢獻增加最多的因素',
  'compare.left': '退出（{count}）：原情境簽署、新情境不簽——貢獻減少最多的因素',
  'compare.termNote1': '  （因素的變化比較兩個最小均衡下的貢獻：包含被改動參數的直接效果，',
  'compare.termNote2': '   以及透過其他國家決定而來的間接效果，例如動能）',
  'compare.movedBy': '推動因素：{list}',
  'compare.noTermMoved': '沒有因素推動',
  'compare.heldAt': '（固定為 {action}）',
  'compare.stateChange': '{id} — {name}：{from} → {to}，Δ {dBase} → {dOther}（{diff}），逐項：',
  'compare.baselineTerm': '基準（共同截距 + 本國偏向）',
  'compare.noTerm': '  沒有因素改變',
  'compare.onlyBase': '只在原情境：{list}',
  'compare.onlyOther': '只在新情境：{list}',
  'compare.byBloc': '依集團：最小均衡下的簽署國數（括號內為 QRE 預期值）',
  'compare.bloc': '集團',
  'compare.members': '成員數',
};

/** Every catalogue, by language. */
export const CATALOGUES: Readonly<Record<Language, Readonly<Record<MessageKey, string>>>> = {
  en: EN,
  'zh-Hant': ZH_HANT,
};

/** Keys whose text is the same in every language on purpose (symbols, numbers, formats). */
export const SAME_IN_EVERY_LANGUAGE: ReadonlySet<MessageKey> = new Set<MessageKey>([]);

export type MessageParams = Readonly<Record<string, string | number>>;

/** The placeholders of a message: `{name}` → `name`. */
export function placeholders(message: string): string[] {
  return [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
}

/** A message in the given (else the current) language, its placeholders filled. */
export function t(key: MessageKey, params: MessageParams = {}, language: Language = currentLanguage()): string {
  const message = CATALOGUES[language][key];
  return message.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/** Whether a string is a key of the catalogue. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(EN, key);
}
