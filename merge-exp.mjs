import * as Y from 'yjs';
const prose='The partnership will move care closer to home by joining up community services, primary care and social care around neighbourhoods of thirty to fifty thousand people. ';
function appendParagraph(doc){const p=new Y.XmlElement('paragraph');const c=new Y.XmlText();p.insert(0,[c]);doc.getXmlFragment('content').push([p]);return c;}
function typedHistory(count){const doc=new Y.Doc();const u=[];doc.on('update',x=>u.push(x));let t=appendParagraph(doc);let n=0;while(u.length<count){if(n>0&&n%400===0)t=appendParagraph(doc);else t.insert(t.length,prose[n%prose.length]);n++;}doc.destroy();return u.slice(0,count);}
const N=+process.argv[2]||100000;
const h=typedHistory(N);
console.log('bytes', h.reduce((a,b)=>a+b.length,0));
function viaTx(){const d=new Y.Doc();for(let s=0;s<h.length;s+=500){d.transact(()=>{for(let i=s;i<Math.min(s+500,h.length);i++)Y.applyUpdate(d,h[i]);});}return d;}
function viaMerge(){const m=Y.mergeUpdates(h);const d=new Y.Doc();Y.applyUpdate(d,m);return d;}
function viaMergeChunks(k){const parts=[];for(let s=0;s<h.length;s+=k)parts.push(Y.mergeUpdates(h.slice(s,s+k)));const m=Y.mergeUpdates(parts);const d=new Y.Doc();Y.applyUpdate(d,m);return d;}
for(let r=0;r<4;r++){
for(const [name,f] of [['tx500',viaTx],['merge',viaMerge],['chunk1000',()=>viaMergeChunks(1000)],['chunk5000',()=>viaMergeChunks(5000)]]){
 const t=performance.now();const d=f();const e=performance.now()-t;
 const txt=d.getXmlFragment('content').toString().length; console.log(r,name,e.toFixed(1),'ms',txt, Y.encodeStateAsUpdate(d).length);d.destroy();}
}
