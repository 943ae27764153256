# Independent re-implementation (numpy) of the blimp plant + PID loop used to choose the SNN teacher gains
# (issue 9): prints overshoot %, settling s, steady-state error m, initial sag m, thrust RMS N for a 1 -> 1.5 m step
# (and 1 -> 0.5 m; its overshoot column is not meaningful). Run: /usr/bin/python3 tests/golden/blimp_pid_tune.py
import numpy as np
def run(kp,ki,kd,tf=0.2,h=0.01,T=45,noise=0.01,seed=1,r1=1.5):
    rng=np.random.default_rng(seed)
    m=0.69; W=0.03; cl=0.01; cq=0.18
    z,w=1.0,0.0; I=0; D=0; yprev=None
    zs=[]; us=[]
    tt = np.sqrt(abs(kp/ki)*abs(kd/kp)) if ki>0 and kd>0 else (abs(kp/ki) if ki>0 else np.inf)
    for k in range(int(T/h)):
        t=k*h; r=1.0 if t<5 else r1
        y=z+noise*rng.standard_normal()
        e=r-y; prev=y if yprev is None else yprev
        D=tf/(tf+h)*D - kd/(tf+h)*(y-prev); yprev=y
        v=kp*e+I+D; u=min(max(v,-0.1),0.2)
        I=I+ki*h*e+ (min(h/tt,1)*(u-v) if np.isfinite(tt) else 0)
        ue=0 if abs(u)<0.01 else u
        def f(z,w): return w,(ue-W-cl*w-cq*w*abs(w))/m
        k1=f(z,w);k2=f(z+h/2*k1[0],w+h/2*k1[1]);k3=f(z+h/2*k2[0],w+h/2*k2[1]);k4=f(z+h*k3[0],w+h*k3[1])
        z+=h/6*(k1[0]+2*k2[0]+2*k3[0]+k4[0]); w+=h/6*(k1[1]+2*k2[1]+2*k3[1]+k4[1])
        zs.append(z); us.append(u)
    zs=np.array(zs); n5=int(5/h)
    os_=max(0,(zs[n5:]-r1).max())/(r1-1)*100
    sse=np.abs(zs[-int(10/h):]-r1).mean()
    err=zs[n5:]-r1; band=max(0.05*abs(r1-1),0.02); out=np.where(np.abs(err)>band)[0]
    st=(out[-1]+1)*h if len(out) else 0
    sag=1.0-zs[:n5].min()
    return os_,st,sse,sag,np.sqrt(np.mean(np.array(us)**2))
for g in [(0.2,0.05,0.3),(0.3,0.03,0.6),(0.4,0.04,0.8),(0.5,0.05,1.0),(0.3,0.05,0.8),(0.4,0.08,1.0),(0.6,0.1,1.2),(0.8,0.1,1.5)]:
    print(g, ["%.3f"%x for x in run(*g)], ["%.3f"%x for x in run(*g,r1=0.5)])

# Golden values for tests/Robotics.Control.Tests/Snn/AltitudeBenchmarkTests.cs: noise-free 1 -> 1.5 m step at 5 s,
# 45 s, teacher gains (0.3, 0.03, 0.6): overshoot %, settling s, steady-state error m (last quarter of the hold),
# oscillation m/s (RMS rate after settling), RMSE m, thrust RMS N.
def golden(kp=0.3, ki=0.03, kd=0.6, tf=0.2, h=0.01, T=45.0, r1=1.5):
    m=0.69; W=0.03; cl=0.01; cq=0.18
    z,w=1.0,0.0; I=0.0; D=0.0; yprev=None
    tt=np.sqrt(abs(kp/ki)*abs(kd/kp))
    zs=[]; ws=[]; rs=[]; us=[]
    for k in range(int(round(T/h))):
        t=k*h; r=1.0 if t<5 else r1
        y=z; e=r-y; prev=y if yprev is None else yprev
        D=tf/(tf+h)*D - kd/(tf+h)*(y-prev); yprev=y
        v=kp*e+I+D; u=min(max(v,-0.1),0.2)
        I=I+ki*h*e+min(h/tt,1)*(u-v)
        ue=0.0 if abs(u)<0.01 else u
        def f(z,w): return w,(ue-W-cl*w-cq*w*abs(w))/m
        k1=f(z,w);k2=f(z+h/2*k1[0],w+h/2*k1[1]);k3=f(z+h/2*k2[0],w+h/2*k2[1]);k4=f(z+h*k3[0],w+h*k3[1])
        z+=h/6*(k1[0]+2*k2[0]+2*k3[0]+k4[0]); w+=h/6*(k1[1]+2*k2[1]+2*k3[1]+k4[1])
        zs.append(z); ws.append(w); rs.append(1.0 if (k*h)<5 else r1); us.append(u)
    zs=np.array(zs); ws=np.array(ws); rs=np.array(rs); us=np.array(us)
    k0=int(round(5/h)); k1=len(zs)
    hold=zs[k0:k1]
    os_=max(0.0,(hold-r1).max())/abs(r1-1)*100
    band=max(0.05*abs(r1-1),0.02)
    out=np.where(np.abs(hold-r1)>band)[0]
    last=k0+out[-1]
    st=(last+1-k0)*h
    osc=np.sqrt(np.mean(ws[last+1:k1]**2))
    q0=k1-(k1-k0)//4; sse1=np.abs(zs[q0:k1]-r1).mean()
    q=k0-(k0-0)//4; sse0=np.abs(zs[q:k0]-1.0).mean()   # the first hold (no change) counts for the steady-state error only
    rmse=np.sqrt(np.mean((zs-rs)**2))
    return os_, st, (sse0+sse1)/2, osc, rmse, np.sqrt(np.mean(us**2))
print("golden (overshoot %, settling s, sse m, oscillation m/s, rmse m, thrust rms N):", ["%.12g"%x for x in golden()])
