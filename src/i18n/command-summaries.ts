/**
 * The one-line summaries `signatory --help` lists, in Traditional Chinese,
 * by command name (the English ones are each command's `summary`; a test
 * checks that every command has its translation).
 */
export const COMMAND_SUMMARIES_ZH_HANT: Readonly<Record<string, string>> = {
  run: '求解情境：均衡、QRE 與簽署數',
  explain: '一個國家為什麼簽或不簽，逐項說明，以及什麼會讓它改變決定',
  subgame: '兩國之間的 2×2 賽局及其類型（獵鹿賽局、囚徒困境……）',
  calibrate: '依觀察到的結果估計情境的權重，或以多個事件估計同一組權重',
  backtest: '留下一個事件，以其他事件重新估計後預測它，並與兩個基準比較',
  tui: '終端機裡的互動式假設情境探索介面（在終端機中的預設）',
  sweep: '平行計算一組假設情境：格點、拉丁超立方或隨機；可續跑、可分片',
  merge: '把一次掃描的分片檔合併成單次執行會寫出的檔案',
  sensitivity: '哪些輸入會影響結果：Sobol 指數或 Morris 基本效果',
  plot: '把掃描畫成圖：折線（一個輸入）或熱圖（兩個），在終端機或存成 SVG',
  summary: '掃描結果在重複抽樣間的統計：平均、標準差、分位數、直方圖（依設計點）',
  compare: '並排比較兩個情境：簽署數、誰改變了決定及原因、各集團的簽署數',
  seek: '反向的假設：達成目標所需的最小文本修改',
  report: '可列印的講義：簽署數、集團、所選國家的決定理由、什麼會讓它們改變、連鎖',
  export: '把情境的賽局寫成其他程式的格式（Gambit .nfg）',
  glossary: '詞彙的意思（Δ、均衡、QRE、連鎖、各報酬項），用淺白的話說明',
};
