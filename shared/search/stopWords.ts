import type { SearchLanguage } from "./stemmers.js";

/**
 * Function words of Indonesian and English, folded (lower case, no diacritics). They are left out
 * of word frequencies and of "more like this", tell a document's language by their share of its
 * words, and a query made only of them is refused (quote them to search them anyway).
 */
const INDONESIAN = `ada adalah adanya agak agar akan akankah akhirnya aku akulah amat amatlah anda andalah antar antara
antaranya apa apaan apabila apakah apalagi apatah atau ataukah ataupun bagai bagaikan bagaimana bagaimanakah
bagaimanapun bagi bagian bahkan bahwa bahwasanya banyak beberapa begini beginian beginikah beginilah begitu
begitukah begitulah begitupun belum belumlah benar berapa berapakah berapalah berapapun bermacam bersama betulkah
biasa biasanya bila bilakah bisa bisakah boleh bolehkah bolehlah buat bukan bukankah bukanlah bukannya cuma dahulu
dalam dan dapat dari daripada dekat demi demikian demikianlah dengan depan di dia dialah diantara diri dirinya
dong dulu enggak entah hal hampir hanya hanyalah harus haruslah hingga ia ialah ianya ini inikah inilah itu itukah
itulah jadi jangan janganlah jika jikalau juga justru kala kalau kalaulah kalaupun kalian kami kamilah kamu kamulah
kan kapan kapankah kapanpun karena karenanya ke kecil kemudian kenapa kepada kepadanya ketika khususnya kini
kinilah kiranya kita kitalah kok lagi lagian lah lain lainnya lalu lama lamanya lebih maka makanya makin malah
malahan mampu mana manakala manalagi masih masing mau maupun melainkan melalui memang mengapa mereka merekalah
merupakan meski meskipun mungkin mungkinkah nah namun nanti nantinya nya nyaris oleh olehnya pada padahal padanya
paling pantas para pasti pastilah per percuma pernah pula pun punya rupanya saat saatnya saja sajalah saling sama
sambil sampai sana sangat sangatlah saya sayalah se sebab sebabnya sebagai sebagaimana sebagainya sebaliknya
sebanyak sebegini sebegitu sebelum sebelumnya sebenarnya secara sedang sedangkan sedikit segala segalanya
sehingga sejak sekadar sekali sekalipun sekarang selagi selain selalu selama selamanya seluruh seluruhnya semakin
semua semuanya sendiri sendirinya seorang sepanjang seperti sepertinya sering seringnya serta sesuatu sesudah
sesudahnya setelah setiap siapa siapakah siapapun sini situ suatu sudah sudahkah sudahlah supaya tadi tadinya tak
tanpa tapi telah tentang tentu tentulah tentunya terhadap terlalu termasuk tersebut tetap tetapi tiap tidak
tidakkah tidaklah toh ya yaitu yakni yang`;

const ENGLISH = `a about above after again against all am an and any are as at be because been before being below
between both but by can cannot could did do does doing don down during each few for from further had has have
having he her here hers herself him himself his how i if in into is isn it its itself just me more most my myself
no nor not now of off on once only or other ought our ours ourselves out over own same she should so some such than
that the their theirs them themselves then there these they this those through to too under until up very was we
were what when where which while who whom why will with would you your yours yourself yourselves also may might must
shall upon us yes`;

const list = (words: string) => new Set(words.split(/\s+/).filter(Boolean));

export const STOP_WORDS: Record<SearchLanguage, ReadonlySet<string>> = { id: list(INDONESIAN), en: list(ENGLISH) };

export function isStopWord(word: string): boolean {
  return STOP_WORDS.id.has(word) || STOP_WORDS.en.has(word);
}
